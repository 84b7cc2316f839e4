"use client";

import { Component, type ReactNode } from "react";

import { ErrorBoundary } from "./error-boundary";

interface LastGoodFrameProps<T> {
  data: T;
  render: (data: T, stale: boolean) => ReactNode;
  /** Shown over the last good frame while it stands in. */
  notice: ReactNode;
}

/**
 * Renders `data`; if that throws, keeps showing the last data that did render, marked stale, with
 * `notice`, and tries the new data again when it changes. Never a stack trace or a blank screen.
 */
export class LastGoodFrame<T> extends Component<LastGoodFrameProps<T>, { failed: boolean; data: T }> {
  private lastRendered: T | null = null;
  state = { failed: false, data: this.props.data };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { data: unknown }, state: { failed: boolean; data: unknown }) {
    return props.data !== state.data ? { failed: false, data: props.data } : null;
  }

  componentDidMount() {
    this.lastRendered = this.props.data;
  }

  componentDidUpdate() {
    if (!this.state.failed) this.lastRendered = this.props.data;
  }

  render() {
    if (!this.state.failed) return this.props.render(this.props.data, false);
    const last = this.lastRendered;
    return (
      <>
        {this.props.notice}
        {last !== null && <ErrorBoundary fallback={null} resetKey={last}>{this.props.render(last, true)}</ErrorBoundary>}
      </>
    );
  }
}
