"""A tiny, safe arithmetic language for weights and formula KPIs.

Grammar: numbers, names, ``+ - * /``, unary minus and parentheses; nothing
else is evaluated (no ``eval``, no attribute access, no calls).  Numbers are
exact ``Decimal``; division by zero and a result beyond ``Decimal``'s range
are an :class:`ExpressionError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, Inexact, InvalidOperation, Overflow, localcontext
from functools import lru_cache
from typing import Union

from cascade import numbers

_TOKEN = re.compile(r"\s*(?:([0-9]+(?:\.[0-9]+)?)|([A-Za-z_\u0E01-\u0E4F][\w\u0E00-\u0E7F]*)|(.))")
_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?\Z")
MAX_LENGTH = 500


class ExpressionError(ValueError):
    """An expression that cannot be parsed or evaluated."""


@dataclass(frozen=True, slots=True)
class Num:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Name:
    name: str


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Expr


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str
    left: Expr
    right: Expr


Expr = Union[Num, Name, Neg, BinOp]  # noqa: UP007 - recursive alias


def _tokens(text: str) -> list[tuple[str, str]]:
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"expression longer than {MAX_LENGTH} characters")
    out: list[tuple[str, str]] = []
    for number, name, other in _TOKEN.findall(text):
        if number:
            out.append(("num", number))
        elif name:
            out.append(("name", name))
        elif other.strip():
            if other.isdecimal():
                raise ExpressionError(f"'{other}' is a digit of another script; write digits 0-9")
            if other not in "+-*/()":
                raise ExpressionError(f"'{other}' is not allowed in an expression")
            out.append(("op", other))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.pos = 0
        self.depth = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise ExpressionError("the expression ends too early")
        self.pos += 1
        return token

    def expression(self) -> Expr:
        node = self.term()
        while (token := self.peek()) is not None and token[1] in ("+", "-"):
            self.pos += 1
            node = BinOp(token[1], node, self.term())
        return node

    def term(self) -> Expr:
        node = self.unary()
        while (token := self.peek()) is not None and token[1] in ("*", "/"):
            self.pos += 1
            node = BinOp(token[1], node, self.unary())
        return node

    def unary(self) -> Expr:
        kind, value = self.take()
        if (kind, value) == ("op", "-"):
            return Neg(self.unary())
        if (kind, value) == ("op", "+"):
            return self.unary()
        if kind == "num":
            try:
                return Num(numbers.check(Decimal(value)))
            except numbers.NumberError as exc:
                raise ExpressionError(str(exc)) from None
        if kind == "name":
            return Name(value)
        if value == "(":
            self.depth += 1
            if self.depth > 50:
                raise ExpressionError("too many nested parentheses")
            node = self.expression()
            if self.take() != ("op", ")"):
                raise ExpressionError("missing ')'")
            self.depth -= 1
            return node
        raise ExpressionError(f"unexpected '{value}'")


@lru_cache(maxsize=8192)
def parse_expression(text: str) -> Expr:
    """Parse ``text`` into an expression tree, or raise :class:`ExpressionError`.

    Trees are immutable, so parses are cached: a plan repeats the same few
    weights thousands of times.
    """
    parser = _Parser(str(text))
    if not parser.tokens:
        raise ExpressionError("the expression is empty")
    node = parser.expression()
    if parser.peek() is not None:
        raise ExpressionError(f"unexpected '{parser.peek()[1]}'")  # type: ignore[index]
    return node


def names(node: Expr) -> set[str]:
    """The variable names an expression uses."""
    if isinstance(node, Name):
        return {node.name}
    if isinstance(node, Neg):
        return names(node.operand)
    if isinstance(node, BinOp):
        return names(node.left) | names(node.right)
    return set()


def evaluate(node: Expr, env: dict[str, Decimal]) -> Decimal:
    """The value of ``node`` with variables from ``env``, in
    :data:`cascade.numbers.ARITHMETIC`: exact, except that the value of an
    expression that divides is rounded to 28 significant digits; a sum or product that would need
    more digits is an :class:`ExpressionError`, never silently rounded."""
    with localcontext(numbers.ARITHMETIC) as context:
        context.clear_flags()
        value = _value(node, env)
        if _divides(node):
            value = numbers.QUOTIENT.plus(value)
        elif context.flags[Inexact]:
            raise ExpressionError(f"the result needs more than {context.prec} digits to be exact")
    return abs(value) if value.is_zero() else value


def _divides(node: Expr) -> bool:
    if isinstance(node, Neg):
        return _divides(node.operand)
    if isinstance(node, BinOp):
        return node.op == "/" or _divides(node.left) or _divides(node.right)
    return False


def _value(node: Expr, env: dict[str, Decimal]) -> Decimal:
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Name):
        if node.name not in env:
            raise ExpressionError(f"unknown name '{node.name}'")
        return env[node.name]
    if isinstance(node, Neg):
        return -_value(node.operand, env)
    left, right = _value(node.left, env), _value(node.right, env)
    try:
        if node.op == "+":
            return left + right
        if node.op == "-":
            return left - right
        if node.op == "*":
            return left * right
        if right == 0:
            raise ExpressionError("division by zero")
        return numbers.QUOTIENT.divide(left, right)
    except Overflow:  # beyond Decimal's exponent range (about 1e999999)
        raise ExpressionError("the result is too large") from None
    except InvalidOperation as exc:  # pragma: no cover - Decimal context limits
        raise ExpressionError(str(exc)) from None


def evaluate_text(text: str, env: dict[str, Decimal]) -> Decimal:
    """Parse and evaluate in one step (a plain number needs no parser)."""
    if _PLAIN_NUMBER.match(text):
        try:
            return numbers.check(Decimal(text))
        except numbers.NumberError as exc:
            raise ExpressionError(str(exc)) from None
    return evaluate(parse_expression(text), env)
