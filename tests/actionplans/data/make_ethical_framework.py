"""Writes ethical_framework_plan.xlsx: the ethical-framework action plan of seed 004, typed up
as a partnership would keep it in Excel. Run `python tests/actionplans/data/make_ethical_framework.py`
to make it again; the tests read the file this writes, which is kept with them.

Seed 004 lost a few words at its page edges; they are filled in here from the same row's other
cells. The rows on its fourth page have no section heading left: they are put under "E. Guidance"."""

import datetime
import pathlib

import openpyxl

HEADERS = [
    "Ref",
    "What improvements need to be made",
    "How will the action be achieved?",
    "Who will take responsibility for action?",
    "What resources are required to achieve improvement?",
    "What is realistic?",
    "What will change and improvement look and feel like?",
    "How will success be monitored?",
    "Work Programme (WP) Reference",
]
SURVEY = "Repeat of Self Assessment Survey"
ROWS = [
    ["B. Relationships"],
    ["(a)", "Raise awareness amongst Members of Officers of the roles of those involved delivering the Ethical "
     "Framework", "Information about the Standards Committee and MO roles will be readily available to officers",
     "MO and Standards Committee", "IT resource for Intranet availability", "April 2007",
     "Members and Officers will understand the respective roles", SURVEY,
     "As part of Communications Strategy and Training plan WP 12-01-07 and subsequent meetings"],
    ["C. COMMUNICATION"],
    ["1. Induction"],
    ["(a)", "Review induction processes", "New e-learning induction package will have a required element on the "
     "requirements of the officer code and the ethical framework", "Monitoring Officer and Asst Chief Executive (HR)",
     "IT e-learning package needs to be up and running", "September 2006", "Staff will know of the requirement to "
     "complete register of interests, and will be aware of Standards Committee etc", "Repeat of Self Assessment "
     "survey", "WP 12-01-07 and subsequent meetings"],
    ["(b)", "Review recruitment documentation in relation to the requirement to complete the register of interests",
     "Recruitment documentation will refer to the requirement to complete the register of officer interests where "
     "relevant", "Asst Chief Executive (HR) and MO", None, "April 2007", "Recruitment documentation will refer to the "
     "requirement to complete the register of officer interests where relevant",
     "Officers will proactively complete the register of interests", None],
    ["(c)", "Review induction process for Members", "Asst Chief Executive (HR) will review induction process for "
     "Members", "Asst Chief Executive (HR)", None, "April 2008", "Induction processes will provide clear advice to New "
     "Members about the Ethical Framework for Members and Officers", SURVEY + " (with analysis for new Members)", None],
    ["2. Training"],
    ["(a)", "Provide ethical training for key partners", "Extension of appropriate training to key partnerships",
     "Standards Committee and Assistant CEX (Policy Perf and Pships)", None, "April 2007",
     "Greater awareness amongst partners on key ethical issues", SURVEY + " to key partners", "WP 12-01-07"],
    ["(b)", "Provide training to officers on Partnerships and the ethical issues arising", "Provide specific ethics "
     "training on the officers code and other issues to officers on partnerships", "Partnerships Wkg Gp", None,
     "April 2007", "Greater awareness of officers on partnerships", SURVEY, "WP 12-01-07"],
    ["(c)", "Review the effectiveness of existing Member training and attendance", "Provide training for Members "
     "including induction", "Chief Executive HR and Group Leaders", None, "April 2008",
     "Members all receive some training. Member awareness is high", SURVEY, None],
    ["(d)", "Conduct a regular audit of training received by Members and Officers on ethical issues",
     "Audit training received by Members and Senior Officers", "MO and Member Development Unit", None, "April 2007",
     "A clear understanding of what training each Member and Officer has received",
     "All Members and Officers have received training", "WP 12-01-07"],
    ["3. Electronic Information"],
    ["(a)", "Provide information on policies and procedures on the Intranet for staff and Members",
     "Develop Intranet site on ethical issues", "MO", "IT support", "April 2007", "Improved Intranet pages", SURVEY,
     "WP 19-03-07"],
    ["(b)", "Review the Internet site to include information on the Council's Ethical Framework",
     "Review current website to provide more information", "MO", "IT support", "April 2007",
     "Improved Internet pages", SURVEY, "WP 19-03-07"],
    ["(c)", "Provide regular electronic updates to Senior Officers about the implementation and availability of "
     "information on policies and procedures", "Regular bulletins to staff via email", "MO",
     "Support within legal services", "Autumn 2006", "Regular bulletins", SURVEY, "WP 19-03-07"],
    ["D. Accountability"],
    ["1.", "Develop a review process which enables self analysis of decision making procedure",
     "Process to be developed and followed", "MO and Complaints Officers and Internal Auditor", None, "April 2008",
     "Process developed which is understood", "Reduction in complaints", None],
    ["2.", "Examine ways of building accountability into statutory processes which appear to lack accountability",
     "Review existing processes such as decision taking/ partnership documentation",
     "MO and Head of Committee Services/partnership working group", None, datetime.datetime(2008, 4, 30),
     "Clarity about who is responsible for decisions", "Accountability", None],
    ["E. Guidance"],
    ["1.", "Develop clear guidance to officers and members on ethical issues in specific areas",
     "Prepare specific guidance documents", "MO and Standards Committee", None, "Ongoing",
     "Set of clear procedures for officers which are readily accessible", "Repeat of surveys", None],
    ["3.", "Review the effectiveness and availability of existing guidance to officers and members in relation to "
     "ethical issues", "Review and raise awareness about existing guidance", "MO and Standards Committee", None,
     "April 2008", "Set of clear procedures for officers which are readily accessible", "Repeat of survey",
     "WP 01-10-07"],
    ["5.", "Produce user friendly statement of the Council's stance on ethical issues and rules of conduct to provide "
     "to contractors and other stakeholders", "Produce eyecatching leaflet to provide to those involved in "
     "contracting with the authority", "MO and Standards Committee", None, "July 2007",
     "Contractors are fully aware of the consequences of inappropriate gifts or approaches",
     "Survey of contractors and stakeholders", "WP 04-06-07"],
    ["F. TEAM WORKING AND CO-OPERATION"],
    ["1.", "Provide joint training for officers and members on ethical issues",
     "Provision of joint training sessions for officers and Members", "MO and Standards Committee", None,
     "April 2007", "Greater awareness of officers of ethical issues", SURVEY, "WP 12-01-07 (Training Programme)"],
    ["2.", "Develop a clear statement about the interaction of complaints between officers and members",
     "Procedure developed and made readily available", "MO and Complaints Officers and Internal Auditor", None,
     "September 2007", "Complaints handled effectively", "Complaints statistics", None],
]  # fmt: skip


PATH = pathlib.Path(__file__).with_name("ethical_framework_plan.xlsx")


def main(path: pathlib.Path = PATH) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Action plan"
    sheet.append(["Ethical Framework Action Plan"])  # a title above the header row, as kept in Excel
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    # A second sheet the importer must not read: only the first worksheet is the plan.
    workbook.create_sheet("Notes").append(["Improvement needed", "Not part of the plan"])
    workbook.properties.created = datetime.datetime(2026, 11, 25)  # the same bytes each time it is made
    workbook.properties.modified = datetime.datetime(2026, 11, 25)
    workbook.save(path)


if __name__ == "__main__":
    main()
