#!/usr/bin/env python3
"""Drives newsdesk with the official MCP Python SDK (PyPI `mcp`), the way a Python agent would.

Over stdio (it starts the server) or streamable HTTP (a running server's /mcp URL) it initializes,
lists tools, resources, templates and prompts, calls every tool with real arguments taken from
earlier results, checks each result's structuredContent against the tool's outputSchema (the SDK
validates it too), checks that a bad argument comes back as a tool error that says what is allowed,
reads a story resource, gets every prompt and asks for completions. Exit 0 when all of it holds.

    sdk_client.py stdio ./target/debug/newsdesk serve
    sdk_client.py http http://127.0.0.1:8080/mcp
"""
from __future__ import annotations

import asyncio
import json
import sys

import jsonschema
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client

failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


async def call(s: ClientSession, schemas: dict, name: str, args: dict) -> dict:
    r = await s.call_tool(name, args)
    check(not r.is_error, f"{name} {json.dumps(args)} succeeds")
    data = r.structured_content or {}
    try:
        jsonschema.validate(data, schemas[name])
        check(True, f"{name}: structuredContent matches outputSchema")
    except jsonschema.ValidationError as e:
        check(False, f"{name}: structuredContent matches outputSchema ({e.message})")
    return data


async def exercise(s: ClientSession) -> None:
    init = await s.initialize()
    check(init.server_info.name == "newsdesk", "initialize names the server")
    check(bool(init.instructions) and "list_stories" in init.instructions, "instructions teach the workflow")

    tools = (await s.list_tools()).tools
    names = {t.name for t in tools}
    expected = {"search_articles", "get_article", "corpus_info", "list_stories", "get_story",
                "get_quotes", "list_speakers", "compare_views"}
    check(expected <= names, f"tools listed: {sorted(names)}")
    schemas = {t.name: t.output_schema for t in tools}
    for t in tools:
        check(t.output_schema is not None, f"{t.name} has an outputSchema")
        ann = t.annotations
        check(ann is not None and ann.read_only_hint is True and ann.open_world_hint is False
              and ann.idempotent_hint is True and bool(t.title),
              f"{t.name} has a title and is annotated read-only, idempotent and closed-world")

    info = await call(s, schemas, "corpus_info", {})
    check(info.get("articles", 0) > 0, "corpus_info counts articles")
    stories = await call(s, schemas, "list_stories", {"limit": 3})
    check(len(stories.get("stories", [])) == 3 and "next_cursor" in stories, "list_stories pages")
    page2 = await call(s, schemas, "list_stories", {"limit": 3, "cursor": stories["next_cursor"]})
    ids1 = {x["id"] for x in stories["stories"]}
    check(not ids1 & {x["id"] for x in page2.get("stories", [])}, "the next page has other stories")
    # The story most covered has quotes and people to compare.
    top = await call(s, schemas, "list_stories", {"sort": "coverage", "limit": 1})
    story_id = top["stories"][0]["id"]
    story = await call(s, schemas, "get_story", {"story_id": story_id})
    check(story.get("id") == story_id and len(story.get("timeline", [])) == story.get("article_count"),
          "get_story has a timeline of the story's articles")
    hits = await call(s, schemas, "search_articles", {"query": "said", "limit": 2})
    check(len(hits.get("articles", [])) > 0, "search_articles finds articles")
    article_id = hits["articles"][0]["id"]
    art = await call(s, schemas, "get_article", {"article_id": article_id, "max_chars": 300})
    check(len(art.get("text", "")) <= 300 and art.get("truncated") is True, "get_article is bounded")
    quotes = await call(s, schemas, "get_quotes", {"story_id": story_id, "limit": 5})
    check(len(quotes.get("quotes", [])) > 0, "get_quotes finds quotes in the story")
    speakers = await call(s, schemas, "list_speakers", {"story_id": story_id})
    check(len(speakers.get("speakers", [])) > 0, "list_speakers lists the story's people")
    views = await call(s, schemas, "compare_views", {"story_id": story_id, "aspect": "both"})
    check(bool(views.get("people")) and bool(views.get("outlets")), "compare_views has people and outlets")
    # Quote evidence: the quoted text is the text at its span of the clean article.
    q = quotes["quotes"][0]
    a = q["appearances"][0]
    full = await call(s, schemas, "get_article", {"article_id": a["article_id"], "max_chars": 100000})
    start, end = a["start"], a["end"]
    check(full["text"][start:end] == q["text"], "a quote is verbatim at its span")

    bad = await s.call_tool("list_stories", {"sort": "loudest"})
    text = " ".join(getattr(c, "text", "") for c in bad.content)
    check(bad.is_error is True and "newest" in text, f"a bad argument is a tool error naming what is allowed: {text[:120]}")
    bad = await s.call_tool("get_story", {"story_id": "s-00000000"})
    check(bad.is_error is True and "list_stories" in " ".join(getattr(c, "text", "") for c in bad.content),
          "an unknown story id says how to find valid ids")

    templates = (await s.list_resource_templates()).resource_templates
    check({t.uri_template for t in templates} >= {"newsdesk://story/{id}", "newsdesk://article/{id}"},
          "resource templates for stories and articles")
    resources = (await s.list_resources()).resources
    check(len(resources) > 0, "resources listed")
    read = await s.read_resource(f"newsdesk://story/{story_id}")
    check(json.loads(read.contents[0].text).get("id") == story_id, "a story resource reads as JSON")

    prompts = (await s.list_prompts()).prompts
    args_for = {"story_id": story_id, "person": speakers["speakers"][0]["name"],
                "outlet": info["outlets"][0]["name"]}
    for p in prompts:
        got = await s.get_prompt(p.name, {a.name: args_for[a.name] for a in (p.arguments or [])})
        check(len(got.messages) > 0, f"prompt {p.name} renders")
    from mcp.types import PromptReference
    done = await s.complete(PromptReference(type="ref/prompt", name="story_briefing"),
                            {"name": "story_id", "value": story_id[:3]})
    check(story_id in done.completion.values, "story_id completes")


async def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] not in ("stdio", "http"):
        print(__doc__, file=sys.stderr)
        return 2
    if sys.argv[1] == "stdio":
        import os
        params = StdioServerParameters(command=sys.argv[2], args=sys.argv[3:], env=dict(os.environ))
        async with stdio_client(params) as streams:
            async with ClientSession(streams[0], streams[1]) as s:
                await exercise(s)
    else:
        async with streamable_http_client(sys.argv[2]) as streams:
            async with ClientSession(streams[0], streams[1]) as s:
                await exercise(s)
    print(f"{len(failures)} failed" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
