"""The building blocks of the JSON export's declared shape (reports/contract.py).

Pydantic models that forbid any field they do not declare and require every one they
do: a renamed or dropped field fails the export itself, the API's description and the
tests, which all use the one declaration. Numbers keep their type (an int stays an int),
so the document is written byte for byte as the dictionaries it declares.
"""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Level = Annotated[int, Field(ge=0, le=4)]
Percent = Annotated[int | float, Field(ge=0, le=100)]
Number = int | float


class Declared(BaseModel):
    """A part of the export: exactly these fields, each one required."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
