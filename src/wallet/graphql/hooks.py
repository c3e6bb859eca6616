"""Strawberry's extension hooks, bound to each request's extensions without the cost of
building them anew.

For every request and every stage (operation, parsing, validation, execution) Strawberry
looks at each extension's hook with `inspect` and wraps it with `contextlib.contextmanager`
(which copies the function's name and docs with `functools.update_wrapper`): ~900 Python
operations of a `me` request, for three extensions whose hooks never change. Here what each
extension class's hook is (a generator, an async generator, something else) is worked out
once per class; a request's hook is then contextlib's own context manager made straight
from it, so hooks run, nest and see errors exactly as under Strawberry's runner.
"""
from __future__ import annotations

import contextlib
import inspect
from typing import Any

from strawberry.extensions import SchemaExtension
from strawberry.extensions.context import (
    ExecutingContextManager,
    OperationContextManager,
    ParsingContextManager,
    ValidationContextManager,
    WrappedHook,
)
from strawberry.extensions.runner import SchemaExtensionsRunner

_GENERATOR, _ASYNC_GENERATOR, _OTHER = "generator", "async generator", "other"
# (extension class, hook name) -> (kind, hook function), None when the class has no such hook
_kinds: dict[tuple[type, str], tuple[str, Any] | None] = {}


def _kind(extension_class: type, hook_name: str) -> tuple[str, Any] | None:
    key = (extension_class, hook_name)
    if key not in _kinds:
        hook = getattr(extension_class, hook_name)
        if hook is getattr(SchemaExtension, hook_name):
            _kinds[key] = None
        elif inspect.isgeneratorfunction(hook):
            _kinds[key] = (_GENERATOR, hook)
        elif inspect.isasyncgenfunction(hook):
            _kinds[key] = (_ASYNC_GENERATOR, hook)
        else:
            _kinds[key] = (_OTHER, hook)
    return _kinds[key]


class _Known:
    """`get_hook` from the class's kind; anything but a generator goes Strawberry's way."""

    HOOK_NAME: str

    def get_hook(self, extension: SchemaExtension) -> WrappedHook | None:
        found = _kind(type(extension), self.HOOK_NAME)
        if found is None:
            return None
        kind, hook = found
        if kind == _GENERATOR:
            return WrappedHook(extension, lambda: contextlib._GeneratorContextManager(hook, (extension,), {}), False)
        if kind == _ASYNC_GENERATOR:
            return WrappedHook(extension, lambda: contextlib._AsyncGeneratorContextManager(hook, (extension,), {}), True)
        return super().get_hook(extension)  # type: ignore[misc]


class _Operation(_Known, OperationContextManager):
    pass


class _Parsing(_Known, ParsingContextManager):
    pass


class _Validation(_Known, ValidationContextManager):
    pass


class _Executing(_Known, ExecutingContextManager):
    pass


class HookRunner(SchemaExtensionsRunner):
    def operation(self) -> OperationContextManager:
        return _Operation(self.extensions)

    def parsing(self) -> ParsingContextManager:
        return _Parsing(self.extensions)

    def validation(self) -> ValidationContextManager:
        return _Validation(self.extensions)

    def executing(self) -> ExecutingContextManager:
        return _Executing(self.extensions)
