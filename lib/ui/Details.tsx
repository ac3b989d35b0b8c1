// The technical text behind a disclosure: there for a bug report, out of the reader's way.
// Shared by the popup and the options page.
export function Details({ detail }: { detail?: string }) {
  if (!detail) return null;
  return (
    <details class="details">
      <summary>Details</summary>
      <p class="detail" data-error-detail>
        {detail}
      </p>
    </details>
  );
}
