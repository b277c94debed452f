#!/usr/bin/env python3
"""Consistency check of the dev2 tuning query set (run from anywhere).

A copy of heldout5-check.py with the set name and counts changed and no trap part: 80 notes
e001..e080, long notes have 40-60 words, an ended service is graded 0, 3-14 judgments per note,
a grade 2 per note, dev2.qrels.orig identical. The catalogue is read as heldout_check.py says
(KT_CATALOG_SERVICES to check against another).
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from heldout_check import check_orig, check_set, finish  # noqa: E402

check_set('dev2', r'e\d{3}', [f'e{i:03d}' for i in range(1, 81)],
          {'keyword': 10, 'oneline': 14, 'long': 16, 'colloquial': 10, 'typo': 10,
           'sv': 7, 'en': 7, 'constraint': 6}, 3, 14, long_words=(40, 60), ended_zero=True)
check_orig('dev2')
finish()
