"""schemathesis hooks for test/contract (loaded through schemathesis.toml)."""
import schemathesis
from hypothesis import strategies as st

# 统一社会信用代码 (GB 32100-2015), OpenAPI format `uscc`: 17 characters and the check character
# computed from them (libs/platform/src/validation/uscc.ts), which no pattern can state.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def _with_check_character(first17: str) -> str:
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + ALPHABET[(31 - total % 31) % 31]


schemathesis.openapi.format(
    "uscc",
    st.from_regex(r"\A[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{9}\Z").map(_with_check_character),
)


# Rules a request can break while matching its schema: they compare two fields, or a field with
# today, or with records already stored (a department that must exist, a version that must come
# after the latest), which JSON Schema cannot state. Each is named in the field's description or
# the operation's summary, and the server refuses with 400 naming the rule. A schema-valid
# request refused for these rules only is not a contract failure; refused for any other rule
# (one the schema could have stated), it is.
RULES_BEYOND_SCHEMA = {
    # credit
    "isNotAfterChinaToday",  # decidedOn: not after today
    "isOnOrAfter",  # expiresOn on or after decidedOn
    # catalog: item lists, stage templates, adjustments
    "notInPast",  # effectiveFrom: not before today
    "afterLatestVersion",  # effectiveFrom after the latest version's
    "betweenNeighbours",  # an amended effectiveFrom stays between its neighbours
    "exists",  # a region, department or approval item named must be on record
    "hasUpperList",  # followsVersion: the region has an upper list
    "upperVersionExists",  # followsVersion names a version of the upper list
    "notAbove",  # warningLeadWorkingDays at most timeLimitWorkingDays
    "unique",  # an imported file lists a code once; an arrangement lists a date once; a template an item once per stage
    "inForce",  # a stage template's items are in force in its list on effectiveFrom
    "operatorFitsFact",  # a condition's operator fits its fact's type (gte for numbers …)
    "valueFitsFact",  # and so does its value
    "maxDepth",  # conditions nest at most 6 levels
    # A schema-valid number refused as `maxDecimalPlaces` has more decimal places than the field takes
    # (randomCheckRatio: at most 4, in its description): `multipleOf: 0.0001` would say it, but
    # binary floats cannot be checked against it exactly (0.05 fails it).
    "maxDecimalPlaces",
    # catalog: regions
    "notSelf",  # parentCode is not the region itself
    "parentLevel",  # the parent is of the right level (a 市 under a 省 …)
    "hasLowerRegions",  # a region with regions under it stays a 省 or 市
    # catalog: calendar
    "notBeforeFrom",  # to not before from
    "maxRange",  # from and to at most a year (days) or ten years (working days) apart
    "inYear",  # an arrangement's dates are in its year
    "isWeekend",  # a 调休 working day falls on a weekend
    "notBothHolidayAndWorkday",
    "statutoryHoliday",  # the statutory days off of the year are listed
}

# A CSV file is a string to JSON Schema: its header and rows are checked like the JSON rows,
# which the schema of the application/json form of the same operation states.
FREE_FORM_MEDIA_TYPES = ("text/csv",)


def _refused_rules(response):
    try:
        body = response.json()
    except Exception:
        return None
    errors = body.get("errors") if isinstance(body, dict) else None
    if not errors:
        return None
    return {rule for error in errors for rule in (error.get("rules") or {})}


# A domain model's refusal (libs/platform's RuleViolation): 409 when the resource's state forbids
# the change, 422 when a business rule does (an item not in the list in force, a department that
# does not implement it, a clock-stop reason the item does not allow). They depend on stored
# state, which no schema can state; each operation declares them with the rule in its response
# description. A schema-valid request refused so is not a contract failure when the operation
# declares that status.
RULE_STATUSES = (409, 422)


def _declares(case, status):
    try:
        responses = case.operation.definition.raw.get("responses", {})
    except Exception:
        return False
    return str(status) in responses


@schemathesis.hook
def filter_failure(ctx, failure, case, response):
    if type(failure).__name__ == "RejectedPositiveData" and response.status_code in RULE_STATUSES:
        return not _declares(case, response.status_code)
    if type(failure).__name__ != "RejectedPositiveData" or response.status_code != 400:
        return True
    if (case.media_type or "").startswith(FREE_FORM_MEDIA_TYPES):
        return False
    rules = _refused_rules(response)
    return not rules or not rules <= RULES_BEYOND_SCHEMA
