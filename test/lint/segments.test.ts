import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../../src/lint/segments.js';

/** Each segment's text and the file text at its mapped offsets must agree character by character. */
function expectFaithful(content: string, file: string) {
  const { segments, problems } = segmentsOf(file, content);
  expect(problems).toEqual([]);
  for (const s of segments) {
    for (let i = 0; i < s.text.length; i++) {
      if (s.text[i] !== '\n') expect(content[s.offsets[i]!]).toBe(s.text[i]);
    }
  }
  return segments.map((s) => s.text);
}

describe('segmentsOf', () => {
  it('txt: each non-blank line, trimmed', () => {
    expect(expectFaithful('  第一句\r\n\n第二句  \n', 'a.txt')).toEqual(['第一句', '第二句']);
  });

  it('md: prose lines without markers; headings, code, front matter and comments skipped', () => {
    const md = ['---', 'title: x', '---', '# 标题', '', '- 列表回复', '> 引用回复', '1. 编号回复', '```', '代码不查', '```', '<!-- 注释 -->', '普通段落'].join('\n');
    expect(expectFaithful(md, 'a.md')).toEqual(['列表回复', '引用回复', '编号回复', '普通段落']);
  });

  it('json: string values except identifiers, escapes mapped', () => {
    const json = '{"id": "x1", "replies": ["你好", "第一行\\n第二行"], "meta": {"intent": "greeting", "text": "不知道"}}';
    expect(expectFaithful(json, 'a.json')).toEqual(['你好', '第一行\n第二行', '不知道']);
  });

  it('json: a syntax error is a positioned problem', () => {
    const { problems } = segmentsOf('a.json', '{\n  "a": [1,\n}');
    expect(problems[0]).toMatchObject({ file: 'a.json', line: 3, code: 'json-syntax' });
  });

  it('csv: the reply column when the header names one, quoted fields with commas and doubled quotes', () => {
    const csv = 'id,回复,备注\n1,"你好，这是规定",x\n2,"他说""不知道""",y\n';
    expect(expectFaithful(csv, 'a.csv')).toEqual(['你好，这是规定', '他说"不知道"']);
  });

  it('csv: every column without a recognisable header', () => {
    expect(expectFaithful('你好,不知道\n', 'a.csv')).toEqual(['你好', '不知道']);
  });

  it('yaml: string values except identifiers, plain, quoted and block scalars', () => {
    const yaml = ['id: t1', 'intent: greeting', "text: '你好'", 'more:', '  - "这是规定"', '  - |', '    第一行', '    第二行'].join('\n');
    expect(expectFaithful(yaml, 'a.yaml')).toEqual(['你好', '这是规定', '第一行\n第二行\n']);
  });
});
