// Secrets are not in wrangler.toml, so `wrangler types` cannot see them: declared here.
declare namespace Cloudflare {
  interface Env {
    /** Enables /admin (replay and batch clustering for the command line) when set; see README. */
    ADMIN_TOKEN?: string;
    /**
     * How old (ms) a page that only placements made stale may still be answered while the new one renders; default
     * STALE_PAGE_MAX_MS (src/routes/serving-cache.ts), "0" renders every changed page before answering.
     */
    SERVING_STALE_MS?: string;
  }
}
