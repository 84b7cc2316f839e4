import { WidgetFrame } from "../widget-frame";

export function TextWidget({ title, text }: { title: string; text: string }) {
  return (
    <WidgetFrame title={title} stale={false}>
      <p className="whitespace-pre-line text-sm text-slate-700 dark:text-slate-200">{text}</p>
    </WidgetFrame>
  );
}
