#!/usr/bin/env python3
"""Dump every story-level tool answer of a corpus, for before/after comparisons of a refactor.

Speaks MCP (newline-delimited JSON-RPC) over stdio to `newsdesk serve --corpus PATH`, the way an
agent does: lists every story (all pages), then for each story calls get_story, get_quotes,
list_speakers and compare_views, and for every article get_article. Each answer's structured
content goes out as one JSON line, keys sorted, so two dumps compare with `diff` or `cmp`.

Run (after `cargo build --release`):
    python3 eval/dump_tools.py --corpus sample/corpus > before.jsonl
    ... change the code, rebuild ...
    python3 eval/dump_tools.py --corpus sample/corpus > after.jsonl && cmp before.jsonl after.jsonl
"""
import argparse, json, subprocess, sys


class Client:
    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True, encoding='utf-8')
        self.next_id = 0
        self.request('initialize', {'protocolVersion': '2025-06-18', 'capabilities': {},
                                    'clientInfo': {'name': 'dump_tools', 'version': '1'}})
        self.send({'jsonrpc': '2.0', 'method': 'notifications/initialized'})

    def send(self, msg):
        self.p.stdin.write(json.dumps(msg) + '\n')
        self.p.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({'jsonrpc': '2.0', 'id': self.next_id, 'method': method, 'params': params})
        while True:
            line = self.p.stdout.readline()
            if not line:
                sys.exit('server closed stdout')
            msg = json.loads(line)
            if msg.get('id') == self.next_id:
                if 'error' in msg:
                    return {'error': msg['error']}
                return msg['result']

    def call(self, tool, args):
        r = self.request('tools/call', {'name': tool, 'arguments': args})
        if 'error' in r:
            return r
        if r.get('isError'):
            return {'tool_error': ' '.join(c.get('text', '') for c in r.get('content', []))}
        return r.get('structuredContent')

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus', action='append', default=[])
    ap.add_argument('--bin', default='target/release/newsdesk')
    ap.add_argument('--no-articles', action='store_true', help='skip get_article for each article')
    a = ap.parse_args()
    cmd = [a.bin, 'serve']
    for c in a.corpus:
        cmd += ['--corpus', c]
    cl = Client(cmd)

    def out(tool, args, res):
        print(json.dumps({'tool': tool, 'args': args, 'result': res}, sort_keys=True,
                         ensure_ascii=False))

    for order in ('newest', 'coverage', 'trending'):
        cursor, ids = None, []
        while True:
            args = {'sort': order, 'limit': 50, 'detail': 'full'}
            if cursor:
                args['cursor'] = cursor
            r = cl.call('list_stories', args)
            out('list_stories', args, r)
            ids += [s['id'] for s in r.get('stories', [])]
            cursor = r.get('next_cursor')
            if not cursor:
                break
    for sid in dict.fromkeys(ids):
        for tool, args in (('get_story', {'story_id': sid}),
                           ('get_quotes', {'story_id': sid, 'limit': 100}),
                           ('list_speakers', {'story_id': sid}),
                           ('compare_views', {'story_id': sid, 'detail': 'full'})):
            out(tool, args, cl.call(tool, args))
    if not a.no_articles:
        cursor = None
        while True:
            args = {'limit': 100, 'include_duplicates': True}
            if cursor:
                args['cursor'] = cursor
            r = cl.call('search_articles', args)
            out('search_articles', args, r)
            for art in r.get('articles', []):
                aid = art['id']
                args2 = {'article_id': aid}
                out('get_article', args2, cl.call('get_article', args2))
            cursor = r.get('next_cursor')
            if not cursor:
                break
    cl.close()


if __name__ == '__main__':
    main()
