#!/usr/bin/env python3
"""Consistency check of the heldout47 and heldout47-trap query sets (run from anywhere).

The same checks as heldout45-check.py, its model: long notes have 40-60 words, an ended service
is graded 0, and a trap note has 1-3 notin pairs; heldout47-trap has 36 notes, six per class.
Both .qrels.orig copies must equal their .qrels. The catalogue is read as heldout_check.py says
(KT_CATALOG_SERVICES to check against another).
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from heldout_check import check_orig, check_set, finish  # noqa: E402

check_set('heldout47', r'h\d{3}', [f'h{i:03d}' for i in range(1, 61)],
          {'keyword': 8, 'oneline': 10, 'long': 12, 'colloquial': 8, 'typo': 8,
           'sv': 5, 'en': 5, 'constraint': 4}, 3, 14, long_words=(40, 60), ended_zero=True)
check_orig('heldout47')
check_set('heldout47-trap', r't\d{3}', [f't{i:03d}' for i in range(1, 37)],
          {'negation': 6, 'context': 6, 'baseform': 6, 'rareword': 6, 'pastgoal': 6,
           'implied': 6}, 3, 14, notin=True, long_words=(40, 60), ended_zero=True)
check_orig('heldout47-trap')
finish()
