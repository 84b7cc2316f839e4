import { useContext, type ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkBreaks from "remark-breaks";

import { WallContext } from "@/components/tv/wall-text";

import { WidgetFrame } from "../widget-frame";

// Markdown without raw HTML: `skipHtml` leaves out any HTML in the text (react-markdown would
// otherwise show it escaped), and react-markdown's URL filter empties `javascript:` and other unsafe
// links, which then show as text. Images show their alt text: a note should not fetch from
// anywhere. Headings sit below the widget's own title (h2). remark-breaks keeps a single line
// break a break, as the text showed before it was Markdown.

const HEADING = "font-semibold text-slate-900 dark:text-slate-50";

const heading = (Tag: "h3" | "h4" | "h5", size: string) =>
  function Heading({ children }: { children?: ReactNode }) {
    return <Tag className={`${HEADING} ${size} mt-3 mb-1 first:mt-0`}>{children}</Tag>;
  };

const ELEMENTS: Components = {
  h1: heading("h3", "text-[1.25em]"),
  h2: heading("h4", "text-[1.125em]"),
  h3: heading("h5", "text-[1em]"),
  h4: heading("h5", "text-[1em]"),
  h5: heading("h5", "text-[1em]"),
  h6: heading("h5", "text-[1em]"),
  p: ({ children }) => <p className="mb-2 last:mb-0">{children}</p>,
  ul: ({ children }) => <ul className="mb-2 list-disc space-y-0.5 pl-5 last:mb-0">{children}</ul>,
  ol: ({ children }) => <ol className="mb-2 list-decimal space-y-0.5 pl-5 last:mb-0">{children}</ol>,
  blockquote: ({ children }) => <blockquote className="mb-2 border-l-4 border-slate-300 pl-3 text-slate-600 dark:border-slate-600 dark:text-slate-300">{children}</blockquote>,
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 font-mono text-[0.9em] dark:bg-slate-800">{children}</code>,
  pre: ({ children }) => <pre className="mb-2 overflow-x-auto rounded-lg bg-slate-100 p-2 dark:bg-slate-800">{children}</pre>,
  hr: () => <hr className="my-3 border-slate-200 dark:border-slate-700" />,
  img: ({ alt }) => (alt ? <span>{alt}</span> : null),
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer" className="text-indigo-700 underline hover:text-indigo-500 dark:text-indigo-300">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
};

// Nobody clicks a wall screen: a link there is its text, so a viewer is never sent away from the wall.
const WALL_ELEMENTS: Components = { ...ELEMENTS, a: ({ children }) => <span className="font-medium">{children}</span> };

/** A note on a dashboard, written in Markdown: headings, emphasis, lists and links. */
export function TextWidget({ title, text }: { title: string; text: string }) {
  const wall = useContext(WallContext);
  return (
    <WidgetFrame title={title} stale={false}>
      <div
        data-testid="text-widget-body"
        className={`h-full break-words text-slate-700 dark:text-slate-200 ${wall ? "overflow-hidden text-[1.05rem] leading-snug" : "overflow-y-auto text-sm"}`}
      >
        <Markdown remarkPlugins={[remarkBreaks]} components={wall ? WALL_ELEMENTS : ELEMENTS} skipHtml>
          {text}
        </Markdown>
      </div>
    </WidgetFrame>
  );
}
