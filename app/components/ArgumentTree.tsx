import type { ArgumentNode } from "@/lib/debate";

const relationLabel = { for: "For", against: "Against", supports: "Supports", attacks: "Attacks" };

export function ArgumentTree({ nodes }: { nodes: ArgumentNode[] }) {
  return (
    <ul className="argument-tree">
      {nodes.map((node) => (
        <li
          key={node.id}
          id={`argument-${node.id}`}
          className={`argument argument-${node.relation}`}
        >
          <p className="meta">
            <span className="relation">{relationLabel[node.relation]}</span> · {node.author.name}
          </p>
          <p>{node.body}</p>
          {node.children.length > 0 && <ArgumentTree nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}
