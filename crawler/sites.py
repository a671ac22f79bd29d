"""The site registry (YAML): the portals a scan visits, validated whole before anything is fetched.

Errors name the file, the line (from yaml's node marks) and the problem in plain Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

KINDS = ("county", "department", "township")
SUBSITE_KINDS = ("department", "township")
SITE_FIELDS = ("name", "kind", "url", "subsites", "hints", "contact")
SUBSITE_FIELDS = ("name", "kind", "url")
CONTACT_FIELDS = ("name", "phone", "email")


class RegistryError(Exception):
    """The registry file is malformed; the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class Subsite:
    """A department or township site that belongs to a registry site and may not be linked from it."""

    name: str
    kind: str
    url: str
    line: int


@dataclass(frozen=True, slots=True)
class Contact:
    """Who runs the site: the person the morning report is for."""

    name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class Site:
    """One registry entry: a portal (or a department's own site) scanned with its own form."""

    name: str
    kind: str
    url: str
    line: int
    subsites: tuple[Subsite, ...] = ()
    hints: tuple[tuple[str, str], ...] = ()  # (name, URL or words) to help the crawler find a column
    contact: Contact = Contact()


@dataclass(frozen=True, slots=True)
class Registry:
    """A whole, valid registry file."""

    path: Path
    sites: tuple[Site, ...]


def normalise_url(value: str) -> str | None:
    """The URL with a path, or None when it is not an absolute http(s) URL with a valid host and port."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in value.strip():
        return None
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    return parts.geturl() if parts.path else parts.geturl() + "/"


def load_registry(path: Path) -> Registry:
    """Read and validate a registry file; raise RegistryError on the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RegistryError(f"找不到站点清单文件 {path}") from exc
    except UnicodeDecodeError as exc:
        raise RegistryError(f"站点清单 {path} 不是 UTF-8 编码的文本文件") from exc
    except OSError as exc:
        raise RegistryError(f"无法读取站点清单 {path}：{exc.strerror or exc}") from exc
    return Registry(path=path, sites=parse_registry(text, str(path)))


def parse_registry(text: str, source: str = "<sites>") -> tuple[Site, ...]:
    """Validate registry text; `source` names the file in error messages."""
    return _Reader(source).read(text)


class _Reader:
    """Walks the composed YAML tree, so every problem can name its line."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.seen_urls: dict[str, int] = {}

    def fail(self, node: Node | None, problem: str, line: int | None = None) -> RegistryError:
        where = line if line is not None else (node.start_mark.line + 1 if node is not None else 1)
        return RegistryError(f"站点清单 {self.source} 第 {where} 行：{problem}")

    def read(self, text: str) -> tuple[Site, ...]:
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            raise self.fail(None, f"YAML 格式错误：{exc.problem or exc.context}", line) from exc
        except yaml.YAMLError as exc:
            raise self.fail(None, f"YAML 格式错误：{exc}") from exc
        if root is None:
            raise self.fail(None, "文件是空的；至少要列出一个站点（见 examples/sites.yaml）")
        if isinstance(root, MappingNode):
            top = self.mapping(root, ("sites",), "清单")
            if "sites" not in top:
                raise self.fail(root, "缺少 sites: 列表")
            root = top["sites"][1]
        if not isinstance(root, SequenceNode):
            raise self.fail(root, "站点清单应是一个列表（每个站点以 “- name: …” 开头）")
        if not root.value:
            raise self.fail(root, "站点列表是空的；至少要列出一个站点")
        return tuple(self.site(node) for node in root.value)

    def mapping(self, node: Node, allowed: tuple[str, ...], what: str) -> dict[str, tuple[Node, Node]]:
        if not isinstance(node, MappingNode):
            raise self.fail(node, f"{what}应是 “字段: 值” 的形式")
        found: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else ""
            if name not in allowed:
                raise self.fail(key, f"{what}中有未知字段 {name!r}（可用字段：{'、'.join(allowed)}）")
            if name in found:
                raise self.fail(key, f"{what}中字段 {name!r} 重复出现（第 {found[name][0].start_mark.line + 1} 行已有）")
            found[name] = (key, value)
        return found

    def text(self, fields: dict[str, tuple[Node, Node]], name: str, owner: Node, label: str,
             required: bool = True) -> str:
        if name not in fields:
            if required:
                raise self.fail(owner, f"站点缺少 {name}（{label}）")
            return ""
        node = fields[name][1]
        if not isinstance(node, ScalarNode) or not str(node.value).strip():
            raise self.fail(node, f"{name}（{label}）应是一段非空文字")
        return str(node.value).strip()

    def kind(self, fields: dict[str, tuple[Node, Node]], owner: Node, allowed: tuple[str, ...]) -> str:
        value = self.text(fields, "kind", owner, "类型")
        if value not in allowed:
            raise self.fail(fields["kind"][1], f"未知的站点类型 {value!r}（可用：{'、'.join(allowed)}）")
        return value

    def url(self, fields: dict[str, tuple[Node, Node]], owner: Node) -> str:
        value = self.text(fields, "url", owner, "网址")
        node = fields["url"][1]
        url = normalise_url(value)
        if url is None:
            raise self.fail(node, f"网址无效（需要 http:// 或 https:// 开头的完整网址）：{value!r}")
        line = node.start_mark.line + 1
        if url in self.seen_urls:
            raise self.fail(node, f"网址 {url} 重复（第 {self.seen_urls[url]} 行已列出）")
        self.seen_urls[url] = line
        return url

    def site(self, node: Node) -> Site:
        fields = self.mapping(node, SITE_FIELDS, "站点")
        name = self.text(fields, "name", node, "名称")
        kind = self.kind(fields, node, KINDS)
        url = self.url(fields, node)
        subsites: tuple[Subsite, ...] = ()
        if "subsites" in fields:
            seq = fields["subsites"][1]
            if not isinstance(seq, SequenceNode):
                raise self.fail(seq, "subsites（子站）应是一个列表")
            subsites = tuple(self.subsite(item) for item in seq.value)
        hints = self.hints(fields["hints"][1]) if "hints" in fields else ()
        contact = self.contact(fields["contact"][1]) if "contact" in fields else Contact()
        return Site(name=name, kind=kind, url=url, line=node.start_mark.line + 1, subsites=subsites,
                    hints=hints, contact=contact)

    def subsite(self, node: Node) -> Subsite:
        fields = self.mapping(node, SUBSITE_FIELDS, "子站")
        return Subsite(name=self.text(fields, "name", node, "名称"), kind=self.kind(fields, node, SUBSITE_KINDS),
                       url=self.url(fields, node), line=node.start_mark.line + 1)

    def hints(self, node: Node) -> tuple[tuple[str, str], ...]:
        if not isinstance(node, MappingNode):
            raise self.fail(node, "hints（提示）应是 “名称: 网址或文字” 的形式")
        pairs = []
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or not isinstance(value, ScalarNode) or not str(value.value).strip():
                raise self.fail(key, "hints（提示）的每一项应是 “名称: 网址或文字”")
            pairs.append((str(key.value), str(value.value).strip()))
        return tuple(pairs)

    def contact(self, node: Node) -> Contact:
        if isinstance(node, ScalarNode):
            return Contact(name=str(node.value).strip())
        fields = self.mapping(node, CONTACT_FIELDS, "联系人")
        values = {k: self.text(fields, k, node, "联系人", required=False) for k in CONTACT_FIELDS}
        return Contact(**values)


__all__ = ["KINDS", "Contact", "Registry", "RegistryError", "Site", "Subsite", "load_registry", "normalise_url",
           "parse_registry"]
