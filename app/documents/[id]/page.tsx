import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/pageActor";
import { documentPassages } from "@/server/domain/library/passages";
import { getDocument } from "@/server/domain/library/queries";
import { runtime } from "@/server/runtime";
import { DocumentText } from "../../components/DocumentText";
import { PassageNav } from "../../components/PassageNav";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ passage?: string | string[] }>;
};

async function load(params: Props["params"]) {
  const outcome = await getDocument(runtime().store, await pageActor(), (await params).id);
  if (!outcome.ok) notFound();
  return outcome.value;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params)).title };
}

export default async function DocumentPage({ params, searchParams }: Props) {
  const document = await load(params);
  const marks = await documentPassages(runtime().store, await pageActor(), document.id);
  const { passage } = await searchParams;
  const active = marks.find((m) => m.id === passage);

  const details = [
    ["Author", document.author ?? "Unknown"],
    ["Publisher", document.publisher ?? "Unknown"],
    ["Published", document.publishedAt ?? "Unknown"],
    ["Version", `${document.versionNumber} · ${document.blocks.length} blocks`],
  ];

  return (
    <article className="reader">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/#library">Library</Link>
      </nav>
      <header className="reader-header">
        <h1>{document.title}</h1>
        <dl className="details">
          {details.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {document.note && <p className="note">{document.note}</p>}
      </header>
      <div className="reader-layout">
        <PassageNav text={document.text} marks={marks} active={active} />
        <DocumentText document={document} marks={marks} activeId={active?.id} />
      </div>
    </article>
  );
}
