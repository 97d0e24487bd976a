/** Why something the viewer just did did not work, read out as soon as it appears. */
export function Problem({ text }: { text: string | null }) {
  return text ? (
    <p role="alert" className="problem">
      {text}
    </p>
  ) : null;
}
