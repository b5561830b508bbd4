"""Writes the CSV for the mailmerge comparison: the three thank-you emails
of examples/panel.yaml, for N candidates (3 x N rows).

    python3 benches/mailmerge/make-database.py 10000 > /tmp/database.csv
"""

import csv
import sys

PEOPLE = [
    ("Priya Shah", "Priya", "priya.shah@northwind.example",
     "moving the nightly batch jobs to a streaming pipeline and how the team "
     "splits on-call between two time zones"),
    ("Marcus Bell", "Marcus", "marcus.bell@northwind.example",
     "the schema registry you built for the order events"),
    ("Elena Rossi", "Elena", "elena.rossi@northwind.example",
     "getting the finance team to trust the new revenue dashboards"),
]

writer = csv.writer(sys.stdout)
writer.writerow(["email", "name", "first_name", "candidate", "candidate_email",
                 "role", "company", "topics", "strength"])
for number in range(1, int(sys.argv[1]) + 1):
    for name, first, email, topics in PEOPLE:
        writer.writerow([email, name, first, f"Jordan Lee {number:05d}",
                         "jordan.lee@example.com", "Senior Data Engineer",
                         "Northwind Traders", topics,
                         "five years running Kafka in production"])
