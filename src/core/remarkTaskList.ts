// GFM task list items only. The rest of GFM (tables, autolink literals, footnotes,
// strikethrough) means nothing to the minutes model, and autolink literal scanning is
// a large part of remark-gfm's cost.
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

export function remarkTaskListItem(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown());
}
