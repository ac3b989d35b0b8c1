// The reader's label for an outlet, from their own list (lib/labels.ts), shown beside its name.

/** Their words as plain text, and where the rating comes from when they gave an http(s) address. */
export function LabelTag({ label }: { label: { label: string; url?: string } | undefined }) {
  if (!label) return null;
  return (
    <span class="outlet-label" data-outlet-label title="A label from your own list (Crosscheck rates no outlet)">
      {label.label}
      {label.url && (
        <>
          {' '}
          <a href={label.url} target="_blank" rel="noopener noreferrer" data-outlet-label-source>
            (source)
          </a>
        </>
      )}
    </span>
  );
}
