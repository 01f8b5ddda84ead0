"""Reading the curated YAML data files into validated models.

The data directory holds ``states.yaml``, ``situations.yaml``, one file per person
under ``persons/`` and any number of record files (trips, findings, authorities)
under ``records/``. Every problem is reported with the file and the record at
fault, so that a reviewer can fix data without reading Python.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from warrantwatch.kb.paths import bundled_data_dir
from warrantwatch.kb.schema import (
    Assertions,
    Person,
    RecordsFile,
    SituationsFile,
    Source,
    StatesFile,
)

M = TypeVar("M", bound=BaseModel)


@dataclass
class DataProblem:
    """One thing wrong with the data, pinned to its file and record."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


@dataclass
class DataFiles:
    """Everything read from a data directory, with each file's source map kept apart."""

    root: Path
    states: StatesFile | None = None
    situations: SituationsFile | None = None
    persons: dict[str, tuple[str, Person]] = field(default_factory=dict)
    records: dict[str, RecordsFile] = field(default_factory=dict)
    assertions: Assertions = field(default_factory=lambda: Assertions())
    problems: list[DataProblem] = field(default_factory=list)

    def source_maps(self) -> Iterator[tuple[str, dict[str, Source]]]:
        """Each file's name with its ``sources`` map."""
        if self.states is not None:
            yield "states.yaml", self.states.sources
        if self.situations is not None:
            yield "situations.yaml", self.situations.sources
        for fname, person in self.persons.values():
            yield fname, person.sources
        for fname, rec in self.records.items():
            yield fname, rec.sources


_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ten times faster


class _UniqueKeyLoader(_SafeBase):  # type: ignore[misc, valid-type]
    """Safe loader that refuses duplicate mapping keys, which YAML silently overwrites."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,  # type: ignore[arg-type]
)


def _locate(data: Any, loc: tuple[Any, ...]) -> str:
    """Turn a pydantic error location into words naming the record (its id where it has one)."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and step in node:
            node = node[step]
            parts.append(str(step))
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            ident = None
            if isinstance(node, dict):
                ident = node.get("id") or node.get("iso2") or node.get("type")
            parts.append(f"[{step}]" + (f" ({ident})" if ident else ""))
        else:
            parts.append(str(step))
    return ".".join(parts) or "(top)"


def _load(path: Path, model: type[M], root: Path, problems: list[DataProblem]) -> M | None:
    rel = str(path.relative_to(root))
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_UniqueKeyLoader)
    except (OSError, yaml.YAMLError) as exc:
        problems.append(DataProblem(rel, "(file)", str(exc).replace("\n", " ")))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(DataProblem(rel, _locate(data, tuple(err["loc"])), err["msg"]))
        return None


def read_data_dir(root: Path | None = None) -> DataFiles:
    """Read and validate every data file under ``root`` (the bundled data by default)."""
    root = root or bundled_data_dir()
    out = DataFiles(root=root)
    if not root.is_dir():
        out.problems.append(DataProblem(str(root), "(directory)", "no such data directory"))
        return out
    for name, model, attr in (
        ("states.yaml", StatesFile, "states"),
        ("situations.yaml", SituationsFile, "situations"),
    ):
        path = root / name
        if path.exists():
            setattr(out, attr, _load(path, model, root, out.problems))
        else:
            out.problems.append(DataProblem(name, "(file)", "missing"))
    if (root / "assertions.yaml").exists():
        found = _load(root / "assertions.yaml", Assertions, root, out.problems)
        if found is not None:
            out.assertions = found
    for path in sorted((root / "persons").glob("*.yaml")):
        person = _load(path, Person, root, out.problems)
        if person is None:
            continue
        rel = str(path.relative_to(root))
        if path.stem != person.id:
            out.problems.append(DataProblem(rel, "id", f"file name must be {person.id}.yaml"))
        if person.id in out.persons:
            out.problems.append(DataProblem(rel, "id", f"duplicate person id {person.id}"))
        out.persons[person.id] = (rel, person)
    for path in sorted((root / "records").glob("*.yaml")):
        rec = _load(path, RecordsFile, root, out.problems)
        if rec is not None:
            out.records[str(path.relative_to(root))] = rec
    return out


def main(argv: list[str] | None = None) -> int:
    """Validate the shapes of data files only (``warrantwatch data check`` does far more)."""
    args = argv if argv is not None else sys.argv[1:]
    files = read_data_dir(Path(args[0]) if args else None)
    for p in files.problems:
        print(p)
    print(
        f"{len(files.persons)} persons, {len(files.records)} record files, "
        f"{len(files.problems)} problems"
    )
    return 1 if files.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
