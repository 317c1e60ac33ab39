// JSON text as analysts and API clients send it (request bodies, import files): parse errors that say where.
import { AppError } from './errors';

/** "line 3, column 14" for a character offset, to point at a JSON syntax error. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** JSON.parse with a message that says where the text stops being JSON. */
export function parseJsonText(text: string, what = 'The request body'): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineColumn(text, Number(position[1]))) : '';
    const reason = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')
      .replace(/, ".*" is not valid JSON$/s, '');
    throw new AppError('VALIDATION', `${what} is not valid JSON${where}: ${reason}.`, { fieldErrors: { _body: [`Not valid JSON${where}`] } });
  }
}
