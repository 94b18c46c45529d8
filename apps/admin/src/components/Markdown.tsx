import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

// Links written in an explanation open beside the desk or the public page.
const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
};

/**
 * Markdown of explanations and comments (CommonMark with GitHub's lists,
 * tables and strikethrough). Raw HTML is not rendered and the tree is
 * sanitised (GitHub's allow-list), so no script or javascript: link gets
 * through. Used by the desk and the public pages alike; a server component
 * or a client one may render it.
 */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
