import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { WallContext } from "@/components/tv/wall-text";

import { TextWidget } from "./text-widget";

const render = (text: string, wall = false) =>
  renderToStaticMarkup(
    <WallContext.Provider value={wall}>
      <TextWidget title="Notice" text={text} />
    </WallContext.Provider>,
  );

describe("TextWidget", () => {
  it("renders Markdown as elements: headings below the widget title, emphasis, lists", () => {
    const html = render("# Queue rules\n\nAnswer **urgent** tickets *first*.\n\n- Phones\n- Chat\n\n1. Triage\n2. Reply\n\n## Later");
    expect(html).toMatch(/<h3 class="[^"]*">Queue rules<\/h3>/);
    expect(html).toMatch(/<h4 class="[^"]*">Later<\/h4>/);
    expect(html).toContain("<strong>urgent</strong>");
    expect(html).toContain("<em>first</em>");
    expect(html).toMatch(/<ul class="[^"]*list-disc[^"]*">\s*<li>Phones<\/li>\s*<li>Chat<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol class="[^"]*list-decimal[^"]*">\s*<li>Triage<\/li>\s*<li>Reply<\/li>\s*<\/ol>/);
    expect(html).not.toContain("**");
  });

  it("keeps a single line break a break", () => {
    expect(render("Stand-up at 10:00\nby the big window")).toContain("Stand-up at 10:00<br/>");
  });

  it("opens links in a new tab without handing over the page", () => {
    const html = render("See [the rota](https://example.com/rota).");
    expect(html).toContain('<a href="https://example.com/rota" target="_blank" rel="noopener noreferrer"');
    expect(html).toContain(">the rota</a>");
  });

  it("shows a link's text without a link on a wall screen", () => {
    const html = render("See [the rota](https://example.com/rota).", true);
    expect(html).not.toContain("<a ");
    expect(html).not.toContain("example.com");
    expect(html).toContain("the rota");
  });

  it("renders no raw HTML, scripts, javascript: links or images", () => {
    const html = render('<script>alert("x")</script>\n\n<b onclick="steal()">bold</b> <img src="https://evil.example/x.png">\n\n[click](javascript:alert(1)) ![logo](https://evil.example/logo.png)');
    expect(html).not.toMatch(/script|alert|<b |<b>|<img|onclick|steal|javascript:|evil\.example|<a /i);
    expect(html).toContain("bold");
    expect(html).toContain("<span>click</span>");
    expect(html).toContain("<span>logo</span>");
  });
});
