"""The actions-arising tests' shared fixtures: a held board meeting with a decision on it and
the partnership's action plan."""

import pytest

from tests.meetings.actions_arising.support import decide, held_with_board, plan_of


@pytest.fixture
def board(after_the_meeting, warwickshire):
    return held_with_board(after_the_meeting, warwickshire)


@pytest.fixture
def decision(after_the_meeting, board):
    return decide(after_the_meeting)


@pytest.fixture
def plan(warwickshire):
    return plan_of(warwickshire)
