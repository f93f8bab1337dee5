"""The weight and formula language of ``cascade/expr.py``: values, errors, limits."""

from __future__ import annotations

from decimal import Context, localcontext
from decimal import Decimal as D

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cascade.expr import (
    MAX_LENGTH,
    BinOp,
    ExpressionError,
    Name,
    Neg,
    Num,
    evaluate,
    evaluate_text,
    names,
    parse_expression,
)

ENV = {
    "A": D("7.5"),
    "B": D(2),
    "zero": D(0),
    "ผลงาน": D(88),
    "_x1": D("-3"),
    "huge": D("9e999999"),
    "tiny": D("1e-999999"),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30", "30"),
        ("12.50", "12.50"),  # trailing zeros kept: the number as written
        ("0.1 + 0.2", "0.3"),  # exact, not 0.30000000000000004
        ("0.1 * 3", "0.3"),
        ("1 - 0.9", "0.1"),
        ("2 + 3 * 4", "14"),  # * binds tighter than +
        ("2 * 3 + 4", "10"),
        ("(2 + 3) * 4", "20"),
        ("10 - 4 - 3", "3"),  # left-associative
        ("16 / 4 / 2", "2"),
        ("10 - 4 / 2", "8"),
        ("(10 - 4) / 2", "3"),
        ("7 / 2", "3.5"),
        ("-2 * 3", "-6"),
        ("2 * -3", "-6"),
        ("--2", "2"),
        ("+-+2", "-2"),
        ("-(2 + 3)", "-5"),
        ("- 2 - -2", "0"),
        ("((((1))))", "1"),
        ("30 + A", "37.5"),
        ("A * B - 15", "0.0"),
        ("ผลงาน / 100 * 5", "4.40"),
        ("_x1 * _x1", "9"),
        ("  1\t+\n2  ", "3"),
        ("1 / 3 * 3", "0." + "9" * 28),  # a quotient is rounded to 28 digits, the rest is exact
        ("100000000000000000 + 101 - 100000000000000000", "101"),  # never a rounded sum
        ("-0", "0"),  # minus zero is zero
        ("0 * -1", "0"),
    ],
)
def test_values(text: str, expected: str) -> None:
    got = evaluate(parse_expression(text), ENV)
    assert str(got) == expected


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("1 + 2 * x", BinOp("+", Num(D(1)), BinOp("*", Num(D(2)), Name("x")))),
        ("1 - 2 - 3", BinOp("-", BinOp("-", Num(D(1)), Num(D(2))), Num(D(3)))),
        ("-x / 2", BinOp("/", Neg(Name("x")), Num(D(2)))),
        ("+x", Name("x")),
        ("(a)", Name("a")),
    ],
)
def test_trees(text: str, tree: object) -> None:
    assert parse_expression(text) == tree


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the expression is empty"),
        ("   ", "the expression is empty"),
        ("1 +", "the expression ends too early"),
        ("(1", "the expression ends too early"),
        ("-", "the expression ends too early"),
        ("(1 2", "missing ')'"),
        ("1)", "unexpected ')'"),
        ("1 2", "unexpected '2'"),
        ("()", "unexpected ')'"),
        ("* 2", "unexpected '*'"),
        ("2 ** 3", "unexpected '*'"),
        ("f(1)", "unexpected '('"),
        ("1e5", "unexpected 'e5'"),
        ("1.", "'.' is not allowed in an expression"),
        (".5", "'.' is not allowed in an expression"),
        ("a.b", "'.' is not allowed in an expression"),
        ("1 % 2", "'%' is not allowed in an expression"),
        ("a = 1", "'=' is not allowed in an expression"),
        ("__import__('os')", "''' is not allowed in an expression"),
        ("1,5", "',' is not allowed in an expression"),
        ("2 ^ 3", "'^' is not allowed in an expression"),
    ],
)
def test_syntax_errors(text: str, message: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse_expression(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1 / 0", "division by zero"),
        ("A / (B - 2)", "division by zero"),
        ("1 / zero", "division by zero"),
        ("0 / 0", "division by zero"),
        ("C + 1", "unknown name 'C'"),
        ("a", "unknown name 'a'"),  # names are case-sensitive
        ("huge * 10", "the result is too large"),  # past Decimal's exponent range
        ("huge + huge", "the result is too large"),
        ("huge / tiny", "the result is too large"),
    ],
)
def test_evaluation_errors(text: str, message: str) -> None:
    tree = parse_expression(text)
    with pytest.raises(ExpressionError) as caught:
        evaluate(tree, ENV)
    assert str(caught.value) == message


def test_expression_error_is_a_value_error() -> None:
    assert issubclass(ExpressionError, ValueError)


def test_names_are_collected_once_each() -> None:
    assert names(parse_expression("a + b * (c - a) / -d")) == {"a", "b", "c", "d"}
    assert names(parse_expression("1 + 2")) == set()


def test_length_limit_counts_characters() -> None:
    at_limit = "1" + " + 1" * ((MAX_LENGTH - 1) // 4)
    assert len(at_limit) <= MAX_LENGTH
    assert evaluate(parse_expression(at_limit), {}) == D((MAX_LENGTH - 1) // 4 + 1)
    with pytest.raises(ExpressionError, match=rf"^expression longer than {MAX_LENGTH} characters$"):
        parse_expression("1" + " " * MAX_LENGTH)


def test_nesting_limit() -> None:
    assert evaluate(parse_expression("(" * 50 + "2" + ")" * 50), {}) == D(2)
    with pytest.raises(ExpressionError, match=r"^too many nested parentheses$"):
        parse_expression("(" * 51 + "2" + ")" * 51)


def test_longest_chain_of_unary_minus_evaluates() -> None:
    text = "-" * (MAX_LENGTH - 1) + "1"
    assert evaluate(parse_expression(text), {}) == D(-1)


def test_numbers_beyond_the_range_are_refused_where_written() -> None:
    digits = "9" * (MAX_LENGTH - 2)
    with pytest.raises(ExpressionError, match=r"^'9{20}…9{10} \(498 characters\)' is too large; "):
        parse_expression(f"({digits})")
    with pytest.raises(ExpressionError, match=r"^'1.00000000001' has too many decimal places"):
        parse_expression("1.00000000001 + 1")
    zeros = "0" * 20  # trailing zeros are no extra places
    assert evaluate(parse_expression(f"1.{zeros} + 1"), {}) == D(f"2.{zeros}")


def test_thai_and_other_digits_are_refused_with_the_number_in_0_9() -> None:
    for text in ("๑๒ + 1", "１２ + 1", "20 * ๒"):
        with pytest.raises(ExpressionError, match=r"a digit of another script; write digits 0-9$"):
            parse_expression(text)


def test_a_product_beyond_60_digits_is_an_error_not_a_rounded_value() -> None:
    env = {"a": D("123456789012345678")}
    with pytest.raises(ExpressionError, match=r"^the result needs more than 60 digits"):
        evaluate(parse_expression("a * a * a * a"), env)
    assert evaluate(parse_expression("a * a * a"), env) == D(123456789012345678**3)


def test_huge_numbers_are_exact_as_written() -> None:
    assert evaluate(parse_expression("123456789012345.12345 * 2"), {}) == D("246913578024690.24690")
    assert evaluate(parse_expression("-99999999999999.99999 - 0.00001"), {}) == D(
        "-100000000000000.00000"
    )


@pytest.mark.parametrize(
    ("text", "expected"), [("30", "30"), ("12.50", "12.50"), ("0", "0"), ("2 * A", "15.0")]
)
def test_evaluate_text(text: str, expected: str) -> None:
    assert str(evaluate_text(text, ENV)) == expected


def test_evaluate_text_reports_like_the_parser() -> None:
    with pytest.raises(ExpressionError, match=r"^unknown name 'X'$"):
        evaluate_text("X", ENV)
    with pytest.raises(ExpressionError, match=r"^the expression is empty$"):
        evaluate_text("", ENV)


_exact = st.decimals(min_value=-(10**9), max_value=10**9, places=5, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(_exact, _exact, _exact)
def test_sums_and_products_of_written_numbers_are_exact(a: D, b: D, c: D) -> None:
    env = {"a": a, "b": b, "c": c}
    with localcontext(Context(prec=100)):  # the exact values, for comparison
        sum_product, product = a + b * c, (a - b) * -c
    assert evaluate(parse_expression("a + b * c"), env) == sum_product
    assert evaluate(parse_expression("(a - b) * -c"), env) == product
    text = f"{a:f} - {b:f}"
    assert evaluate(parse_expression(text), {}) == a - b


_EXPRESSIONISH = st.text(
    alphabet=st.sampled_from(list("0123456789.+-*/() ab_ก๑")) | st.characters(), max_size=60
)


@settings(max_examples=300, deadline=None)
@given(_EXPRESSIONISH, st.decimals(allow_nan=False, allow_infinity=False))
@example("a * a * 100", D("9e999999"))  # was decimal.Overflow, a traceback in `cascade score`
def test_any_text_parses_or_raises_expression_error(text: str, value: D) -> None:
    """Any text, any finite variable: a finite value or an ExpressionError, nothing else."""
    try:
        tree = parse_expression(text)
    except ExpressionError:
        return
    env = dict.fromkeys(names(tree), value)
    try:
        got = evaluate(tree, env)
    except ExpressionError as exc:
        assert str(exc) in (
            "division by zero",
            "the result is too large",
            "the result needs more than 60 digits to be exact",
        )
    else:
        assert got.is_finite()
