export interface TextSpan {
  text: string;
  start: number;
  end: number;
}
// Placeholder until the splitter lands.
export function splitSentences(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const s of seg.segment(text)) {
    const t = s.segment.trim();
    if (!t) continue;
    const start = s.index + s.segment.indexOf(t);
    out.push({ text: t, start, end: start + t.length });
  }
  return out;
}
