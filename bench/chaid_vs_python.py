"""Time our CHAID against the Python CHAID package (PyPI `CHAID`) on the same
synthetic data with the same options: 100,000 and 1,000,000 rows x 20 nominal
predictors (2-20 categories), binary dependent; depth 3, min parent 100,
min child 50, alpha-merge 0.05. Reports fit time only on both sides, and the
whole command (read the file, fit, print). Run by bench/chaid_vs_python.sh.
"""
import json
import os
import statistics
import subprocess
import sys
import time
import warnings

warnings.filterwarnings("ignore")

PERSPECTIEF = sys.argv[1]
WORK = sys.argv[2]
ROWS = [int(x) for x in sys.argv[3].split(",")]
REPEAT = 3
PREDICTORS = 20


def python_fit(path):
    import pandas as pd
    from CHAID import Tree

    df = pd.read_csv(path)
    cols = [f"x{k}" for k in range(PREDICTORS)]
    tree = Tree.from_pandas_df(
        df, {c: "nominal" for c in cols}, "y",
        max_depth=3, min_parent_node_size=100, min_child_node_size=50, alpha_merge=0.05,
    )
    t = time.perf_counter()
    tree.build_tree()
    return (time.perf_counter() - t) * 1e3, len(tree.tree_store)


def python_whole(path):
    script = (
        "import warnings; warnings.filterwarnings('ignore');"
        "import pandas as pd; from CHAID import Tree;"
        f"df = pd.read_csv({path!r});"
        f"t = Tree.from_pandas_df(df, {{f'x{{k}}': 'nominal' for k in range({PREDICTORS})}}, 'y',"
        " max_depth=3, min_parent_node_size=100, min_child_node_size=50, alpha_merge=0.05);"
        "t.print_tree()"
    )
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", script], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1e3


def ours(path):
    args = [PERSPECTIEF, "chaid", "--data", path, "--target", "y", "--nominal",
            ",".join(f"x{k}" for k in range(PREDICTORS)), "--max-depth", "3", "--min-parent", "100",
            "--min-child", "50", "--alpha-merge", "0.05", "--timing"]
    t = time.perf_counter()
    p = subprocess.run(args, check=True, capture_output=True, text=True)
    whole = (time.perf_counter() - t) * 1e3
    fit = float(p.stderr.strip().split("fit_ms=")[1].split()[0])
    nodes = p.stdout.count("Knoop ") - p.stdout.count("Knoop      ")
    return fit, whole


results = []
for n in ROWS:
    path = os.path.join(WORK, f"chaid_{n}.csv")
    if not os.path.exists(path):
        subprocess.run([PERSPECTIEF, "bench-fit", "--rows", str(n), "--predictors", str(PREDICTORS),
                        "--write-csv", path], check=True)
    our = [ours(path) for _ in range(REPEAT)]
    py_fit = [python_fit(path) for _ in range(REPEAT)]
    py_whole = [python_whole(path) for _ in range(REPEAT)]
    r = {
        "rows": n,
        "ours_fit_ms": statistics.median(x[0] for x in our),
        "ours_whole_ms": statistics.median(x[1] for x in our),
        "python_fit_ms": statistics.median(x[0] for x in py_fit),
        "python_nodes": py_fit[0][1],
        "python_whole_ms": statistics.median(py_whole),
    }
    r["fit_speedup"] = r["python_fit_ms"] / r["ours_fit_ms"]
    r["whole_speedup"] = r["python_whole_ms"] / r["ours_whole_ms"]
    results.append(r)
    print(json.dumps(r), flush=True)
