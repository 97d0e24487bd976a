import type { Metadata } from "next";
import Link from "next/link";
import { pageActor } from "@/server/auth/pageActor";
import { documentCoverage } from "@/server/domain/library/coverage";
import { documentPassages } from "@/server/domain/library/passages";
import { copyTargets } from "@/server/domain/library/queries";
import { getSpace } from "@/server/domain/spaces/queries";
import { runtime } from "@/server/runtime";
import { DocumentText, HeatLegend } from "../../components/DocumentText";
import { DocumentUpload } from "../../components/DocumentUpload";
import { DraftPassages } from "../../components/DraftPassages";
import { PassageNav } from "../../components/PassageNav";
import { SpaceBreadcrumb } from "../../components/SpaceBreadcrumb";
import { AddToSpace } from "./AddToSpace";
import { DraftableText } from "./DraftableText";
import { loadDocument } from "./loadDocument";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ passage?: string; version?: string; from?: string; to?: string }>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  // The same arguments as the page's, so the two share one cached read.
  return { title: (await loadDocument((await params).id, (await searchParams).version)).title };
}

export default async function DocumentPage({ params, searchParams }: Props) {
  const { passage, version, from, to } = await searchParams;
  const document = await loadDocument((await params).id, version);
  const actor = await pageActor();
  const space = await getSpace(runtime().store, actor, document.spaceId);
  const moderates = space.ok && space.value.can.importDocument;
  // An earlier version shows the passage a citation was made on, marked; the marks of the
  // current version's passages would fall in the wrong places there.
  const cited =
    !document.current && from && to
      ? [{ id: "cited", start: Number(from), end: Number(to), label: "As it was cited", href: "#" }]
      : [];
  const marks = document.current
    ? await documentPassages(runtime().store, actor, document.id)
    : cited;
  // A passage followed from a motion's "Not yet cited" list: marked in the text, not listed.
  const followed =
    document.current && from && to
      ? [{ id: "cited", start: Number(from), end: Number(to), label: "Not yet cited", href: "#" }]
      : [];
  const active = [...marks, ...followed].find(
    (m) => m.id === (passage ?? (cited.length > 0 || followed.length > 0 ? "cited" : undefined)),
  );
  const coverage = document.current
    ? await documentCoverage(runtime().store, actor, document.id)
    : null;
  const targets = document.current ? await copyTargets(runtime().store, actor, document) : [];

  const details = [
    ["Author", document.author ?? "Unknown"],
    ["Publisher", document.publisher ?? "Unknown"],
    ["Published", document.publishedAt ?? "Unknown"],
    [
      "Version",
      `${document.versionNumber}${document.current ? "" : " (an earlier version)"} · ${document.blocks.length} blocks`,
    ],
  ];

  return (
    <article className="reader">
      <SpaceBreadcrumb
        space={space.ok ? space.value : null}
        list="documents"
        elsewhere={{ href: "/#library", label: "Library" }}
      />
      <header className="reader-header">
        <h1>{document.title}</h1>
        <dl className="details">
          {details.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          {document.sourceUrl ? (
            <div className="source-address">
              <dt>Source</dt>
              <dd>
                <a href={document.sourceUrl} rel="noopener noreferrer">
                  {document.sourceUrl}
                </a>
              </dd>
            </div>
          ) : null}
        </dl>
        {document.copiedFrom ? (
          <p className="meta">
            Copied from{" "}
            <Link href={`/documents/${document.copiedFrom.id}`}>{document.copiedFrom.title}</Link>
          </p>
        ) : null}
        {document.note && <p className="note">{document.note}</p>}
        {document.current ? null : (
          <p className="notice" role="status">
            You are reading version {document.versionNumber}, as it was when the passage was cited.{" "}
            <Link href={`/documents/${document.id}`}>Read the current version</Link>
          </p>
        )}
      </header>
      {moderates && document.current ? (
        <div className="document-tools">
          <DraftPassages
            spaceId={document.spaceId}
            textHostId="document-reader"
            document={{ id: document.id, title: document.title, text: document.text }}
          />
          <details className="panel">
            <summary>Upload a new version</summary>
            <p className="meta">
              The earlier versions stay; every passage cited from this document is found again in
              the new text, and what cannot be found exactly goes to the space's review.
            </p>
            <DocumentUpload
              target={{
                kind: "version",
                spaceId: document.spaceId,
                documentId: document.id,
                title: document.title,
              }}
            />
          </details>
        </div>
      ) : null}
      {targets.length > 0 ? <AddToSpace documentId={document.id} targets={targets} /> : null}
      <div className="reader-layout">
        <PassageNav text={document.text} marks={marks} active={active} />
        <div id="document-reader" className="selection-host">
          {coverage?.ok ? <HeatLegend /> : null}
          {moderates && document.current ? (
            <DraftableText
              document={document}
              marks={[...marks, ...followed]}
              activeId={active?.id}
              coverage={coverage?.ok ? coverage.value : undefined}
            />
          ) : (
            <DocumentText
              document={document}
              marks={[...marks, ...followed]}
              activeId={active?.id}
              coverage={coverage?.ok ? coverage.value : undefined}
            />
          )}
        </div>
      </div>
    </article>
  );
}
