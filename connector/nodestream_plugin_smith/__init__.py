"""nodestream connector for smith, the embedded labeled property graph database.

Importing this module registers ``SmithDatabaseConnector`` under the alias ``smith`` (nodestream
loads it through the ``nodestream.plugins`` / ``databases`` entry point).
"""

from .database import SmithDatabase, SmithDatabaseError
from .database_connector import DEFAULT_URI, SmithDatabaseConnector

__all__ = [
    "DEFAULT_URI",
    "SmithDatabase",
    "SmithDatabaseConnector",
    "SmithDatabaseError",
]
