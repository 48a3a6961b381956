// Secrets are not in wrangler.toml, so `wrangler types` cannot see them: declared here.
declare namespace Cloudflare {
  interface Env {
    /** Enables /admin (replay and batch clustering for the command line) when set; see README. */
    ADMIN_TOKEN?: string;
  }
}
