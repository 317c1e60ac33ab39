/** An event as a timeline draws it. */
export interface TimelineEvent {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  title: string;
  /** The issues it concerns; empty: the whole workspace. */
  issueIds: string[];
}

/** The events shown on one issue's timeline: the workspace-wide ones and those of the issue. */
export function eventsForIssue(events: readonly TimelineEvent[], issueId: string): TimelineEvent[] {
  return events.filter((e) => e.issueIds.length === 0 || e.issueIds.includes(issueId));
}
