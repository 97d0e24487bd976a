export default function Searching() {
  return (
    <section className="search" aria-labelledby="search-heading">
      <h1 id="search-heading">Search</h1>
      <p className="meta search-count" role="status" aria-busy="true">
        Searching…
      </p>
    </section>
  );
}
