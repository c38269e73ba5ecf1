"""Jobs: one module per thing a user asks Brandstudio to do in bulk (stamp, merge, export).

Each module holds the job's settings, its planning (inputs to claimed outputs), its preview
and the code its workers run. The command line and the studio call the same functions here,
so a job behaves the same from either. Jobs sit on the batch engine (``brandstudio.batch``)
and never import the command line or the window.
"""
