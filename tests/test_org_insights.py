"""Organisation insights rules (engine/org_insights.py, issue 13): each at and around its threshold."""

import pytest

from hr_contract_risk.engine import labour_cost as lc
from hr_contract_risk.engine import org_insights as oi

# --------------------------------------------------------------------------- span of control


def test_span_of_control_threshold_is_strictly_above_12():
    assert oi.span_finding("d", "王经理", 11) is None
    assert oi.span_finding("d", "王经理", 12) is None
    f = oi.span_finding("d", "王经理", 13)
    assert f.code == "span" and f.value == 13 and f.threshold == 12
    assert "consider a team lead" in f.msg.render() and "13" in f.msg.render() and "12" in f.msg.render()
    assert oi.span_finding("d", "王经理", 9, oi.Thresholds(span_of_control=8)).value == 9
    assert oi.span_finding("d", "王经理", 8, oi.Thresholds(span_of_control=8)) is None


# --------------------------------------------------------------------------- cost ratio


def test_cost_ratio_above_median_by_more_than_x_points():
    figs = [
        lc.department_figures("A", 1, 1, 10, 100),  # 10 %
        lc.department_figures("B", 1, 1, 12, 100),  # 12 %
        lc.department_figures("招商部", 1, 1, 20, 100),  # 20 %
        lc.department_figures("C", 1, 1, 17, 100),  # 17 %
        lc.department_figures("no revenue", 1, 1, 50, 0),  # no ratio: ignored
    ]
    # median of 10, 12, 17, 20 = 14.5; 招商部 is 5.5 above, C is 2.5 above
    assert oi.median_cost_ratio(figs) == pytest.approx(14.5)
    out = oi.cost_ratio_findings(figs)
    assert [f.subject for f in out] == ["招商部"]
    assert out[0].value == pytest.approx(5.5)
    assert "review pay structure or process" in out[0].msg.render()
    assert "20.0 %" in out[0].msg.render() and "14.5 %" in out[0].msg.render()
    assert [f.subject for f in oi.cost_ratio_findings(figs, oi.Thresholds(cost_ratio_points=2))] == ["招商部", "C"]
    assert oi.cost_ratio_findings([lc.department_figures("x", 1, 1, 1, 0)]) == []


def test_cost_ratio_exactly_x_points_above_is_no_finding():
    figs = [lc.department_figures("A", 1, 1, 10, 100), lc.department_figures("B", 1, 1, 20, 100)]  # median 15
    assert oi.cost_ratio_findings(figs) == []  # B is 5 points above: not more than 5
    assert [f.subject for f in oi.cost_ratio_findings(figs, oi.Thresholds(cost_ratio_points=4.9))] == ["B"]


# --------------------------------------------------------------------------- high risk


def test_high_risk_share_at_30_percent_triggers():
    assert oi.high_risk_finding("d", "李主管", 10, 2) is None
    f = oi.high_risk_finding("d", "李主管", 10, 3)
    assert f.value == pytest.approx(30) and f.threshold == 30
    assert "talk to the manager" in f.msg.render()
    assert oi.high_risk_finding("d", "李主管", 10, 4).value == pytest.approx(40)
    assert oi.high_risk_finding("d", "李主管", 0, 0) is None
    assert oi.as_rows([f])[0]["risk"] is True


# --------------------------------------------------------------------------- team decline


def test_team_decline_needs_n_reports_and_half_the_team():
    assert oi.team_decline_finding("m", "张敏", 6, 2) is None  # 2 < 3 reports
    f = oi.team_decline_finding("m", "张敏", 6, 3)  # 3 reports, 50 %
    assert f.code == "team_decline" and f.value == pytest.approx(50) and f.threshold == 50
    assert "look at the team, not only the people" in f.msg.render()
    assert oi.team_decline_finding("m", "张敏", 7, 3) is None  # 3 of 7 = 43 %
    assert oi.team_decline_finding("m", "张敏", 3, 3).value == pytest.approx(100)
    assert oi.team_decline_finding("m", "张敏", 4, 2, oi.Thresholds(decline_min_reports=2)).value == 50
    assert oi.team_decline_finding("m", "张敏", 0, 0) is None
    assert oi.as_rows([f])[0]["risk"] is False


def test_is_declining_uses_the_appraisal_slope():
    assert oi.is_declining([80, 75, 70])
    assert not oi.is_declining([70, 70, 70])
    assert not oi.is_declining([60, 70])
    assert not oi.is_declining([50])  # one score: no trend


# --------------------------------------------------------------------------- figures


def test_reporting_layers_and_span():
    parents = {"ceo": None, "a": "ceo", "b": "ceo", "a1": "a", "a11": "a1", "b1": "b"}
    children = oi.children_map(parents)
    assert len(children["ceo"]) == 2
    assert oi.reporting_layers(children, "ceo") == 3
    assert oi.reporting_layers(children, "b") == 1
    assert oi.reporting_layers(children, "a11") == 0
    # a cycle does not loop forever
    assert oi.reporting_layers(oi.children_map({"x": "y", "y": "x"}), "x") == 1


def test_turnover_is_departures_over_average_headcount():
    # 10 now, 2 left, nobody hired: 12 a year ago, average 11
    assert oi.turnover(2, 10) == pytest.approx(2 * 100 / 11)
    # 10 now, 2 left, 2 hired: 10 a year ago, average 10
    assert oi.turnover(2, 10, hires=2) == pytest.approx(20)
    assert oi.turnover(0, 0) is None
    assert oi.turnover(1, 0) == pytest.approx(200)  # the only one left: 1 -> 0, average 0.5


def test_unit_figures():
    kpi = {1: [("2024-03", 70), ("2024-01", 80), ("2024-02", 75)], 2: [("2024-01", 60), ("2024-02", 62)],
           3: [("2024-01", 90)]}
    fig = oi.unit_figures([1, 2, 3], kpi=kpi, departed=[9], hires=[3], high_risk=[2, 9],
                          alerts={1: 2, 9: 5}, overdue={1: {11}, 2: {11, 12}})
    assert fig.headcount == 3 and fig.declining == 1 and fig.high_risk == 1
    assert fig.high_risk_share == pytest.approx(100 / 3)
    assert fig.kpi_average == pytest.approx((70 + 80 + 75 + 60 + 62 + 90) / 6)
    # per period: Jan (80+60+90)/3 = 76.67, Feb 68.5, Mar 70 -> falling
    assert fig.kpi_trend < 0
    assert fig.open_alerts == 2 and fig.overdue_decisions == 2
    assert fig.turnover == pytest.approx(1 * 100 / 3)  # 3 - 1 + 1 = 3 a year ago, 3 now
    empty = oi.unit_figures([])
    assert empty.headcount == 0 and empty.kpi_average is None and empty.high_risk_share is None


# --------------------------------------------------------------------------- settings


@pytest.mark.parametrize("key,value", [("span_of_control", 0), ("decline_min_reports", 0),
                                       ("cost_ratio_points", -1), ("cost_ratio_points", 100.5),
                                       ("high_risk_share", 120), ("decline_team_share", -0.1)])
def test_bad_thresholds_are_refused_naming_the_field(key, value):
    with pytest.raises(oi.InputError) as exc:
        oi.validate_thresholds(oi.Thresholds(**{key: value}))
    assert exc.value.msg.params["field"] == oi.FIELD_LABELS[key]
    assert str(value) in str(exc.value)


def test_bounds_are_inclusive():
    oi.validate_thresholds(oi.Thresholds(span_of_control=1, decline_min_reports=1, cost_ratio_points=0,
                                         high_risk_share=100, decline_team_share=0))
