"""Commands: train, classify, evaluate, review, agreement — the service coder."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape as escape_text

from scatlas.cli.app import DEFAULT_DB, DbOption, app, console, fail
from scatlas.errors import ScatlasError


def _json_safe(value: Any) -> Any:
    """JSON has no NaN: undefined statistics become null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return value


def _fail(message: str) -> typer.Exit:
    """fail() for messages that quote user data (file names, labels): fail() already shows them as plain text."""
    return fail(message)


def _print_json(data: Any) -> None:
    print(json.dumps(_json_safe(data), ensure_ascii=False, indent=2))


def _open_catalogue(db: Path, must_exist: bool = True):
    from scatlas.catalogue import Catalogue

    if must_exist and not db.exists():
        raise _fail(f"{db}: no catalogue here (run `scatlas ingest` first, or pass --db FILE)")
    return Catalogue.open(db)


@app.command()
def train(
    include_reviewed: Annotated[
        bool, typer.Option("--include-reviewed", help="Also learn from the catalogue's human codings.")
    ] = False,
    db: DbOption = DEFAULT_DB,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the model here instead of the cache.")
    ] = None,
) -> None:
    """Retrain the coder on every labelled row but the real-text test split (plus reviewed codings) and print
    the real test split's scores.

    The real test split is never trained on; the real dev split calibrates the confidence (docs/coding.md).
    The model is written to $SCATLAS_CACHE/coder.pkl.gz (default ~/.cache/scatlas), where `load_coder` finds it.

    Example: scatlas train --include-reviewed --db scatlas.db
    """
    from scatlas.coding.corpus import load_corpus, real_test_split
    from scatlas.coding.evaluate import evaluate
    from scatlas.coding.store import reviewed_items, save_coder
    from scatlas.coding.store import train as train_coder

    reviewed = []
    if include_reviewed:
        with _open_catalogue(db) as cat:
            reviewed = reviewed_items(cat)
    try:
        result = train_coder(reviewed)
    except RuntimeError as exc:
        raise _fail(str(exc)) from None
    path = save_coder(result.coder, output)
    console.print(
        f"trained [bold]{result.coder.version}[/] on {result.n_corpus} corpus items"
        + (f" + {result.n_reviewed} reviewed codings" if include_reviewed else "")
        + f" in {result.seconds:.1f} s → {path}"
    )
    held = real_test_split(load_corpus())
    if held:
        ev = evaluate(result.coder, held)
        console.print(
            f"real-text test split ({ev.n} items): accuracy {ev.accuracy:.3f}, macro-F1 {ev.macro_f1:.3f}, "
            f"Cohen's κ {ev.kappa:.3f}"
            + (f", function accuracy {ev.function_accuracy:.3f}" if ev.function_accuracy is not None else "")
        )


@app.command()
def classify(
    in_csv: Annotated[Path, typer.Argument(help="CSV with 'name' and 'description' columns (UTF-8, BOM or CP949).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the coded CSV (UTF-8 with BOM).")],
    baseline: Annotated[bool, typer.Option("--baseline", help="Use the keyword baseline coder.")] = False,
) -> None:
    """Code every row of a CSV: the input columns plus domain, domain_id, confidence, subtype, function,
    target_groups, technologies and rationale.

    Example: scatlas classify services.csv -o coded.csv
    """
    from scatlas.coding.classify import classify_csv
    from scatlas.coding.csvio import CsvInputError

    try:
        coder = _coder(baseline)
        bad_rows: list = []
        n = classify_csv(in_csv, output, coder, bad_rows=bad_rows)
    except CsvInputError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"{output}: cannot write the coded CSV ({exc.strerror or exc})") from None
    for bad in bad_rows:
        console.print(f"[yellow]건너뜀[/] {escape_text(str(bad))}")
    console.print(f"coded {n} services with {coder.version} → {output}")


def _coder(baseline: bool):
    if baseline:
        from scatlas.coding.baseline import KeywordCoder

        return KeywordCoder()
    from scatlas.coding import load_coder

    return load_coder()


@app.command()
def evaluate(
    labelled: Annotated[
        Path | None,
        typer.Argument(help="CSV with name, description and domain (any spelling) or domain_id; optionally function."),
    ] = None,
    heldout: Annotated[
        bool, typer.Option("--heldout", help="Evaluate on the real-text test split (the same as --split real-test).")
    ] = False,
    split: Annotated[
        list[str] | None,
        typer.Option(
            "--split",
            help="Evaluate on a corpus split: real-test, real-dev, real-train, written-heldout, "
            "written-train (repeatable).",
        ),
    ] = None,
    cv: Annotated[int, typer.Option("--cv", help="Also run k-fold cross-validation on the corpus (e.g. 5).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
) -> None:
    """Compare the coder with labels: accuracy, macro-F1, per-domain P/R/F1, confusion matrix, Cohen's kappa,
    and the same for the keyword baseline.

    On real rows it adds the real-text measures: strict accuracy, accuracy on the rows both coders called
    unambiguous, accuracy against any domain a coder accepted, function accuracy, the news/press-release subset
    coded from the name alone, ECE and the auto-accept threshold for 97 % precision with its coverage.

    Example: scatlas evaluate --split real-test   (or: scatlas evaluate labelled.csv --json, --cv 5)
    """
    from scatlas.coding.baseline import KeywordCoder
    from scatlas.coding.corpus import SPLITS, in_splits, load_corpus, train_split
    from scatlas.coding.csvio import CsvInputError
    from scatlas.coding.display import print_evaluation, print_real_text
    from scatlas.coding.evaluate import cross_validate, read_labelled_csv
    from scatlas.coding.evaluate import evaluate as run_evaluation

    splits = list(split or []) + (["real-test"] if heldout and "real-test" not in (split or []) else [])
    bad = [x for x in splits if x not in SPLITS]
    if bad:
        raise _fail(f"unknown split {bad[0]!r}: choose from {', '.join(SPLITS)}")
    if labelled is None and not splits and not cv:
        raise fail("give a labelled CSV, --split NAME (or --heldout) or --cv K")
    results: dict[str, Any] = {}
    try:
        if labelled is not None:
            items = read_labelled_csv(labelled)
            results[str(labelled)] = (items, str(labelled))
        for name in splits:
            results[name] = (in_splits(load_corpus(), name), f"corpus split {name}")
    except (CsvInputError, ScatlasError) as exc:
        raise _fail(str(exc)) from None
    out: dict[str, Any] = {}
    coder = None
    for key, (items, title) in results.items():
        if not items:
            raise _fail(f"{title}: no labelled rows")
        coder = coder or _coder(False)
        ev = run_evaluation(coder, items)
        base = run_evaluation(KeywordCoder(), items)
        out[key] = {"coder": ev.to_json(), "baseline": base.to_json()}
        if not as_json:
            print_evaluation(console, ev, title=f"{title}: {ev.n} services", baseline=base)
            if "real_text" in ev.extra:
                print_real_text(console, ev, base)
    if cv:
        if cv < 2:
            raise fail("--cv needs at least 2 folds")
        cv_result = cross_validate(train_split(load_corpus()), folds=cv)
        out["cv"] = cv_result
        if not as_json:
            console.print(
                f"{cv}-fold CV on the training split ({cv_result['n']} items): accuracy "
                f"{cv_result['accuracy']:.3f} ± {cv_result['accuracy_sd']:.3f}, macro-F1 "
                f"{cv_result['macro_f1']:.3f} ± {cv_result['macro_f1_sd']:.3f}"
                + (
                    f", function accuracy {cv_result['function_accuracy']:.3f}"
                    if "function_accuracy" in cv_result
                    else ""
                )
            )
    if as_json:
        _print_json(out)


@app.command()
def review(
    db: DbOption = DEFAULT_DB,
    coder: Annotated[str | None, typer.Option("--coder", help="Your name: codings are stored as human:<name>.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Services to show at most (default: all).")] = None,
    low_confidence: Annotated[float, typer.Option("--low-confidence", help="Confidence below this is 'low'.")] = 0.6,
    municipality: Annotated[str | None, typer.Option("--municipality", help="Only this municipality.")] = None,
    domain: Annotated[str | None, typer.Option("--domain", help="Only this domain (id or Korean name).")] = None,
    max_confidence: Annotated[
        float | None, typer.Option("--max-confidence", help="Only services at or below this confidence.")
    ] = None,
) -> None:
    """Review codings in the terminal: low confidence and declared-vs-coded disagreements first; no cap.

    Keys: a accept, d domain (the sub-type is asked again), t sub-type, f function, g target groups,
    k technologies, u undo the last decision, s skip, q quit. Works with piped input.

    Example: scatlas review --db scatlas.db --coder kim --municipality 목포시 --max-confidence 0.6
    """
    from rich.markup import escape

    from scatlas.coding.review import run_review

    name = coder or os.environ.get("USER") or "reviewer"

    def ask(prompt: str) -> str | None:
        try:
            return console.input(escape(prompt))  # the prompt is plain text: '[a]ccept' is not markup
        except EOFError:
            return None

    with _open_catalogue(db) as cat:
        try:
            summary = run_review(
                cat,
                name,
                ask,
                console,
                limit=limit,
                low_confidence=low_confidence,
                municipality=municipality,
                domain_id=_domain_id(domain),
                max_confidence=max_confidence,
            )
        except ScatlasError as exc:
            raise _fail(str(exc)) from None
    console.print(
        f"reviewed {summary.shown}: {summary.accepted} accepted, {summary.changed} changed, "
        f"{summary.skipped} skipped" + (f", {summary.undone} undone" if summary.undone else "")
    )


def _domain_id(label: str | None) -> str | None:
    """A domain given as its id (transport) or any Korean spelling (교통)."""
    if not label:
        return None
    from scatlas.taxonomy import DOMAIN_ORDER, try_normalise_domain

    if label in dict(DOMAIN_ORDER):
        return label
    found = try_normalise_domain(label)
    if found is None:
        raise _fail(f"--domain {label!r}: 12개 법정 분야 중 어느 것도 아닙니다")
    return found


@app.command()
def agreement(
    coders: Annotated[
        list[str] | None, typer.Option("--coder", help="A coder: auto, human, human:<name> or <name>.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    csv_files: Annotated[
        list[Path] | None,
        typer.Option("--csv", help="A coder's label file (id,domain_id,alt_domains,ambiguous,subtype,function,note)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
) -> None:
    """Cohen's kappa and Krippendorff's alpha between two coders, per dimension, on the services both coded.

    target_groups and technologies are compared per label as binary decisions (pooled). With two --csv files
    (two coders' labels in the labelling guide's format) the files are compared instead of the catalogue.

    Example: scatlas agreement --db scatlas.db --coder auto --coder human:kim
             scatlas agreement --csv coderA.csv --csv coderB.csv
    """
    from scatlas.coding.agreement import catalogue_agreement, file_agreement
    from scatlas.coding.csvio import CsvInputError
    from scatlas.coding.display import print_agreement

    if csv_files:
        if len(csv_files) != 2 or coders:
            raise fail("give exactly two label files: --csv A.csv --csv B.csv (and no --coder)")
        try:
            result = file_agreement(csv_files[0], csv_files[1])
        except (CsvInputError, ScatlasError) as exc:
            raise _fail(str(exc)) from None
        if as_json:
            _print_json(result)
        else:
            print_agreement(console, result)
        return
    if not coders or len(coders) != 2:
        raise fail("give exactly two coders: --coder A --coder B")
    with _open_catalogue(db) as cat:
        try:
            result = catalogue_agreement(cat, coders[0], coders[1])
        except ScatlasError as exc:
            raise _fail(str(exc)) from None
    if as_json:
        _print_json(result)
    else:
        print_agreement(console, result)
