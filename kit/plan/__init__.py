"""Communication plans (*kế hoạch truyền thông*) as data: model, import, rendering.

    from kit.plan import Plan, import_file, import_text, plan_to_text, validate
"""

from .model import SCHEMA_VERSION, Plan, PlanProblem, load, save, validate
from .importer import import_file, import_text
from .render import plan_to_text

__all__ = ["SCHEMA_VERSION", "Plan", "PlanProblem", "import_file", "import_text", "load", "plan_to_text",
           "save", "validate"]
