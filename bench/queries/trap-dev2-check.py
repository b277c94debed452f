#!/usr/bin/env python3
"""Consistency check of the trap-dev2 query set (run from anywhere).

Adapted from heldout4-check.py: checks only the trap set trap-dev2 (72 notes, d001..d072, twelve per
trap class), with heldout4's rules: 3-14 judgments per note, a grade-2 service per note, an ended
service graded 0 only, 1-3 notin pairs per note each judged 0 in the qrels, and .qrels.orig
identical to .qrels. The catalogue is read as heldout_check.py says (KT_CATALOG_SERVICES to check
against another).
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from heldout_check import check_orig, check_set, finish  # noqa: E402

check_set('trap-dev2', r'd\d{3}', [f'd{i:03d}' for i in range(1, 73)],
          {'negation': 12, 'context': 12, 'baseform': 12, 'rareword': 12, 'pastgoal': 12,
           'implied': 12}, 3, 14, notin=True, long_words=(40, 60), ended_zero=True)
check_orig('trap-dev2')
finish()
