"""Run every benchmark: ``python -m benchmarks`` calls main() of each benchmarks/*.py module.

``python -m benchmarks search`` runs only the named modules.
"""

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Run the benchmark modules named in ``argv``, or all of them, in name order."""
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_"))
    wanted = argv or names
    unknown = [n for n in wanted if n not in names]
    if unknown:
        print(f"No benchmark named {', '.join(unknown)}; there are: {', '.join(names)}")
        return 2
    for name in wanted:
        module = importlib.import_module(f"benchmarks.{name}")
        if not hasattr(module, "main"):
            continue
        print(f"\n=== benchmarks/{name}.py ===", flush=True)
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
