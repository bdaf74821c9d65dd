import type ts from 'typescript';
import { jestBlocksAround, literalText } from './ast';
import type { FileInfo } from './rules/rule';

/** A trailing `@serial` tag in a test or describe title. */
const SERIAL_TITLE = /(?:^|\s)@serial(?![\w-])/;

/** True when a test or describe around the node carries a trailing `@serial` title tag. */
export function inSerialBlock(node: ts.Node): boolean {
  return jestBlocksAround(node).some((block) => {
    const title = block.call.arguments[0];
    const text = title === undefined ? undefined : literalText(title);
    return text !== undefined && SERIAL_TITLE.test(text);
  });
}

/** True when the file (`@tags serial`) or a block around the node (`… @serial`) already runs in the serial lane. */
export function runsSerially(node: ts.Node, info: FileInfo): boolean {
  return info.fileTags.includes('serial') || inSerialBlock(node);
}
