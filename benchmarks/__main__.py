"""``python -m benchmarks`` (or ``make bench``): run every benchmark."""

from benchmarks import (
    bench_check,
    bench_contest,
    bench_gui,
    bench_latency,
    bench_render,
    bench_render_data,
    bench_scale,
    bench_stamp,
    bench_template,
    bench_typography,
)

if __name__ == "__main__":
    bench_template.main()
    bench_render.main()
    bench_check.main()
    bench_typography.main()
    bench_gui.main()
    bench_latency.main()
    bench_stamp.main()
    bench_render_data.main()
    bench_contest.main()
    bench_scale.main()
