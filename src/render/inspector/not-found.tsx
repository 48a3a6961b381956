/** The inspector's 404: a page a reader who followed a stale link can read, with the way back. */
import { Layout } from './layout.tsx';

export function NotFoundPage(props: { what: string }) {
  return (
    <Layout title="Not found">
      <h1>Not found</h1>
      <p>{props.what}. It may never have existed, or the link was cut short.</p>
      <p>
        <a href="/inspector">Recent clusters</a> · search them with the form there.
      </p>
    </Layout>
  );
}
