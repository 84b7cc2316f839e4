import { test as base, type ConsoleMessage, type Request, type Response } from "@playwright/test";

// Every spec imports `test` from here: its `page` fails the test in teardown when the browser logs a
// console error, throws, or gets a 4xx/5xx or failed request that the test did not declare with
// `expectFailures`. A hydration mismatch or a missing asset is a bug even when the page looks right.

export { expect, type Page } from "@playwright/test";

/** A failure the test provokes on purpose: a refused page (403), bad input (400)... */
export interface ExpectedFailure {
  status: number;
  /** Only responses whose URL matches; any URL when absent. */
  url?: RegExp;
}

interface Fixtures {
  expectedFailures: ExpectedFailure[];
  /** Declares responses this test expects to fail; any other failure fails the test. */
  expectFailures: (...failures: ExpectedFailure[]) => void;
}

// A navigation cancels in-flight prefetches and polls: that is the browser tidying up, not an error.
const CANCELLED = /net::ERR_ABORTED/;
const RESOURCE_STATUS = /^Failed to load resource: the server responded with a status of (\d{3})/;

export const test = base.extend<Fixtures>({
  expectedFailures: async ({}, provide) => {
    await provide([]);
  },
  expectFailures: async ({ expectedFailures }, provide) => {
    await provide((...failures) => {
      expectedFailures.push(...failures);
    });
  },
  page: async ({ page, expectedFailures }, provide) => {
    const problems: string[] = [];
    const isExpected = (status: number, url: string) => expectedFailures.some((f) => f.status === status && (!f.url || f.url.test(url)));
    const onConsole = (message: ConsoleMessage) => {
      if (message.type() !== "error") return;
      const url = message.location().url;
      const status = RESOURCE_STATUS.exec(message.text());
      if (status && isExpected(Number(status[1]), url)) return;
      problems.push(`console error: ${message.text()}${url ? ` (${url})` : ""}`);
    };
    const onPageError = (error: Error) => problems.push(`uncaught: ${error.message}`);
    const onResponse = (response: Response) => {
      if (response.status() >= 400 && !isExpected(response.status(), response.url())) {
        problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      }
    };
    const onRequestFailed = (request: Request) => {
      const reason = request.failure()?.errorText ?? "failed";
      if (!CANCELLED.test(reason)) problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
    };
    page.on("console", onConsole);
    page.on("pageerror", onPageError);
    page.on("response", onResponse);
    page.on("requestfailed", onRequestFailed);
    await provide(page);
    page.off("console", onConsole);
    page.off("pageerror", onPageError);
    page.off("response", onResponse);
    page.off("requestfailed", onRequestFailed);
    if (problems.length) throw new Error(`The browser reported problems this test did not expect:\n${[...new Set(problems)].join("\n")}`);
  },
});
