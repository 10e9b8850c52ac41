"""The anonymity rules at their edge counts: plain data in, plain data out, no database."""

import random
import unittest

from colleagues.disclosure import ALL, MIN_RATERS, Submission, disclose
from tests.real_guide import ItemSlug

ITEMS = ["strategy", ItemSlug.COMMUNICATION, "leadership", "cfo", "product"]
SELF = {"strategy": 3, ItemSlug.COMMUNICATION: 2, "leadership": 2, "cfo": 1, "product": 3}


def rater(relationship, level=2, consent=False, **levels):
    """A submission rating every item `level`, except those given by name."""
    return Submission(relationship, {item: levels.get(item, level) for item in ITEMS}, consent)


def shown(disclosure):
    """{relationship: count} of the groups shown."""
    return {g.relationship: g.count for g in disclosure.groups}


def means(disclosure, relationship):
    group = next(g for g in disclosure.groups if g.relationship == relationship)
    return {m.item: m.mean for m in group.items}


def run(raters, comments=("a", "b", "c"), invited=None):
    return disclose(
        invited=len(raters) if invited is None else invited,
        submissions=raters,
        items=ITEMS,
        self_levels=SELF,
        comments=comments,
        seed="round-1",
    )


class TheRoundOfTheIssue(unittest.TestCase):
    """1 manager, 3 peers and 2 direct reports (issue 15, "Done when")."""

    def setUp(self):
        self.manager_levels = {"strategy": 0}
        self.peers = [rater("peer", 3), rater("peer", 4), rater("peer", 2)]
        self.reports = [rater("direct_report", 1), rater("direct_report", 1)]

    def test_it_shows_the_peers_and_all_colleagues_without_the_managers_consent(self):
        d = run([rater("manager", 1, **self.manager_levels), *self.peers, *self.reports])
        self.assertEqual(shown(d), {"peer": 3, ALL: 6})
        self.assertEqual(means(d, "peer")[ItemSlug.COMMUNICATION], 3.0)
        # 1 + 3 + 4 + 2 + 1 + 1 = 12 over six
        self.assertEqual(means(d, ALL)[ItemSlug.COMMUNICATION], 2.0)
        self.assertEqual(means(d, ALL)["strategy"], round((0 + 3 + 4 + 2 + 1 + 1) / 6, 2))
        self.assertEqual((d.invited, d.answered), (6, 6))

    def test_the_managers_group_never_shows_without_consent(self):
        d = run([rater("manager", 1), *self.peers, *self.reports])
        self.assertNotIn("manager", shown(d))
        self.assertNotIn("direct_report", shown(d))

    def test_with_consent_the_manager_shows_alone_and_the_peers_fold_in(self):
        """All minus manager minus peers would be the two direct reports' sum: so the peers
        are folded into "all colleagues", and the manager, who agreed, shows alone."""
        d = run([rater("manager", 1, consent=True), *self.peers, *self.reports])
        self.assertEqual(shown(d), {"manager": 1, ALL: 6})
        self.assertEqual(means(d, "manager")["cfo"], 1.0)

    def test_comments_are_shown_without_relationship_in_a_fixed_shuffled_order(self):
        comments = tuple(f"comment {n}" for n in range(12))
        raters = [rater("manager"), *self.peers, *self.reports]
        d = run(raters, comments=comments)
        self.assertCountEqual(d.comments, comments)
        self.assertNotEqual(d.comments, comments)
        self.assertEqual(run(raters, comments=comments).comments, d.comments)

    def test_blind_spots_and_hidden_strengths_are_a_level_away_from_the_self_rating(self):
        raters = [rater("manager", 1), *self.peers, *self.reports]
        d = run(raters)  # all colleagues: 2.0 on every item
        self.assertEqual(d.blind_spots, ("strategy", "product"))  # self 3: exactly one lower
        self.assertEqual(d.hidden_strengths, ("cfo",))  # self 1: exactly one higher
        d = run([rater("peer", 2, strategy=3), rater("peer", 2, strategy=3), rater("peer", 2)])
        self.assertIn("product", d.blind_spots)
        self.assertNotIn("strategy", d.blind_spots)  # 2.67 is less than a level below 3
        self.assertNotIn(ItemSlug.COMMUNICATION, d.blind_spots + d.hidden_strengths)  # 2 and 2


class EdgeCounts(unittest.TestCase):
    def test_two_ratings_show_nothing_but_the_counts(self):
        d = run([rater("peer", 4), rater("peer", 0)], invited=5)
        self.assertFalse(d.is_shown)
        self.assertEqual((d.invited, d.answered), (5, 2))
        self.assertEqual((d.groups, d.comments, d.blind_spots, d.hidden_strengths), ((),) * 4)

    def test_two_ratings_hide_even_a_consenting_manager(self):
        d = run([rater("manager", 4, consent=True), rater("peer", 0)])
        self.assertEqual(d.groups, ())

    def test_three_ratings_of_one_relationship_show_it_and_all_colleagues(self):
        d = run([rater("peer", 4), rater("peer", 0), rater("peer", 2)])
        self.assertEqual(shown(d), {"peer": 3, ALL: 3})
        self.assertEqual(means(d, "peer")["strategy"], 2.0)
        self.assertEqual(len(d.comments), 3)

    def test_three_ratings_of_mixed_relationships_show_all_colleagues_only(self):
        d = run([rater("manager", 3), rater("peer", 2), rater("direct_report", 1)])
        self.assertEqual(shown(d), {ALL: 3})
        self.assertEqual(means(d, ALL)["strategy"], 2.0)

    def test_two_of_a_relationship_are_pooled_not_shown(self):
        d = run([rater("peer"), rater("peer"), rater("direct_report")])
        self.assertEqual(shown(d), {ALL: 3})

    def test_comments_wait_for_three_ratings(self):
        self.assertEqual(run([rater("peer"), rater("peer")], comments=("x",)).comments, ())
        self.assertEqual(run([rater("peer")] * MIN_RATERS, comments=("x",)).comments, ("x",))

    def test_a_relationship_shown_leaves_no_rest_of_one_or_two(self):
        """3 peers + 1 direct report: "all" minus peers would be that one person."""
        d = run([rater("peer"), rater("peer"), rater("peer"), rater("direct_report", 0)])
        self.assertEqual(shown(d), {ALL: 4})

    def test_a_consenting_manager_with_two_others_shows_only_all_colleagues(self):
        """All (3) minus the manager would be the two others' sum."""
        d = run([rater("manager", consent=True), rater("peer"), rater("peer")])
        self.assertEqual(shown(d), {ALL: 3})

    def test_a_consenting_manager_among_three_others_shows_alone(self):
        d = run([rater("manager", 4, consent=True), *[rater("peer", 1)] * 3])
        self.assertEqual(shown(d), {"manager": 1, "peer": 3, ALL: 4})
        self.assertEqual(means(d, "manager")["strategy"], 4.0)

    def test_three_managers_without_consent_are_not_shown_alone(self):
        d = run([rater("manager")] * 3)
        self.assertEqual(shown(d), {ALL: 3})


class CannotJudge(unittest.TestCase):
    def test_an_item_mean_needs_three_ratings_of_it(self):
        raters = [rater("peer", 2), rater("peer", 3), rater("peer", 4, strategy=None)]
        d = run(raters)
        self.assertNotIn("strategy", means(d, "peer"))
        self.assertNotIn("strategy", means(d, ALL))
        self.assertEqual(means(d, "peer")["cfo"], 3.0)
        self.assertNotIn("strategy", d.blind_spots + d.hidden_strengths)

    def test_an_item_rest_of_two_folds_the_groups_for_that_item(self):
        """Peers and direct reports shown, but on "cfo" one direct report could not judge:
        the two others are too few to show, and all minus peers on cfo would be their sum,
        so only the pooled mean of cfo shows."""
        raters = [*[rater("peer", 2)] * 3, *[rater("direct_report", 4)] * 2]
        raters.append(rater("direct_report", 4, cfo=None))
        d = run(raters)
        self.assertEqual(shown(d), {"peer": 3, "direct_report": 3, ALL: 6})
        self.assertNotIn("cfo", means(d, "direct_report"))
        self.assertNotIn("cfo", means(d, "peer"))
        self.assertEqual(means(d, ALL)["cfo"], 2.8)
        self.assertEqual(means(d, "peer")["strategy"], 2.0)
        self.assertEqual(means(d, "direct_report")["strategy"], 4.0)

    def test_the_pooled_mean_hides_when_only_a_consenting_manager_could_be_subtracted(self):
        """On "cfo" only the manager and two peers rated: all minus the manager would be
        the two peers' sum, so the pooled mean of cfo is hidden, the manager's stays."""
        raters = [rater("manager", 4, consent=True), *[rater("peer", 1)] * 3]
        raters[3] = rater("peer", 1, cfo=None)
        d = run(raters)
        self.assertEqual(means(d, "manager")["cfo"], 4.0)
        self.assertNotIn("cfo", means(d, ALL))
        self.assertNotIn("cfo", means(d, "peer"))


if __name__ == "__main__":
    unittest.main()


class NoSubtractionRevealsFewerThanThree(unittest.TestCase):
    """Over many random rounds: wherever "all colleagues" shows an item's mean, the raters
    of that item outside the groups shown beside it number 0 or at least 3; every mean
    shown rests on at least 3 ratings, unless it is a manager's group the managers agreed to."""

    def test_it_holds_for_random_rounds(self):
        rng = random.Random(15)
        relationships = ["manager", "peer", "direct_report", "other"]
        for _ in range(3000):
            raters = [
                Submission(
                    rng.choice(relationships),
                    {i: rng.choice([None, 0, 1, 2, 3, 4]) for i in ITEMS},
                    rng.random() < 0.5,
                )
                for _ in range(rng.randint(0, 12))
            ]
            d = run(raters)
            groups = {g.relationship: g for g in d.groups}
            agreed = {
                r: r == "manager" and all(s.manager_consent for s in raters if s.relationship == r)
                for r in relationships
            }
            for item in ITEMS:
                rated = {
                    r: sum(1 for s in raters if s.relationship == r and s.levels[item] is not None)
                    for r in relationships
                }
                beside = [
                    r for r in relationships if r in groups and groups[r].mean_of(item) is not None
                ]
                for r in beside:
                    self.assertTrue(agreed[r] or rated[r] >= MIN_RATERS, (raters, item, r))
                if ALL in groups and groups[ALL].mean_of(item) is not None:
                    total = sum(rated.values())
                    self.assertGreaterEqual(total, MIN_RATERS)
                    rest = total - sum(rated[r] for r in beside)
                    self.assertTrue(rest == 0 or rest >= MIN_RATERS, (raters, item, beside))
