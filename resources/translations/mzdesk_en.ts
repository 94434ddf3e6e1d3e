<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>encrypted with SQLCipher</source>
        <translation>encrypted with SQLCipher</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Components and licences</source>
        <translation>Components and licences</translation>
    </message>
    <message>
        <source>Case management for the counsellors of a county migration centre.</source>
        <translation>Case management for the counsellors of a county migration centre.</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>Change account</source>
        <translation>Change account</translation>
    </message>
    <message>
        <source>e.g. berater3 (a–z, 0–9, . _ -)</source>
        <translation>e.g. berater3 (a–z, 0–9, . _ -)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>First name Last name</source>
        <translation>First name Last name</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(no team)</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Password &amp;again:</translation>
    </message>
    <message>
        <source>Please enter a user name.</source>
        <translation>Please enter a user name.</translation>
    </message>
    <message>
        <source>Counsellors and team leads need a team.</source>
        <translation>Counsellors and team leads need a team.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>mzdesk – encrypted database</source>
        <translation>mzdesk – encrypted database</translation>
    </message>
    <message>
        <source>Database key:</source>
        <translation>Database key:</translation>
    </message>
    <message>
        <source>mzdesk – database</source>
        <translation>mzdesk – database</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Switch user</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Kit review</source>
        <translation>Kit review</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
</context>
<context>
    <name>AttendeeImportDialog</name>
    <message>
        <source>Import attendees</source>
        <translation>Import attendees</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <source>Birth date or year</source>
        <translation>Birth date or year</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>German level</source>
        <translation>German level</translation>
    </message>
    <message>
        <source>Profession or wish</source>
        <translation>Profession or wish</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Consent to be contacted</source>
        <translation>Consent to be contacted</translation>
    </message>
    <message>
        <source>Choose a registration list</source>
        <translation>Choose a registration list</translation>
    </message>
    <message>
        <source>Field for column %1</source>
        <translation>Field for column %1</translation>
    </message>
    <message>
        <source>%1 rows can be imported, %2 rejected (%3).</source>
        <translation>%1 rows can be imported, %2 rejected (%3).</translation>
    </message>
    <message>
        <source>Importing attendees …</source>
        <translation>Importing attendees …</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 existing persons; %3 already registered; %4 rejected.</source>
        <translation>Imported: %1 new, %2 existing persons; %3 already registered; %4 rejected.</translation>
    </message>
    <message>
        <source>new %1, may be %2</source>
        <translation>new %1, may be %2</translation>
    </message>
    <message>
        <source>already registered as %1</source>
        <translation>already registered as %1</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV file</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>Columns (heading → field)</source>
        <translation>Columns (heading → field)</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>Preview (first rows)</source>
        <translation>Preview (first rows)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Rejected rows and rows to review</source>
        <translation>Rejected rows and rows to review</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Rejected rows</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>(program)</source>
        <translation>(program)</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Viewed</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <source>Screen unlocked</source>
        <translation>Screen unlocked</translation>
    </message>
    <message>
        <source>Logged out (command line)</source>
        <translation>Logged out (command line)</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Logged out</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Login failed</translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation>Login refused</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>Password set</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>Account enabled</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>Access denied</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <source>Persons merged</source>
        <translation>Persons merged</translation>
    </message>
    <message>
        <source>Event kit merged</source>
        <translation>Event kit merged</translation>
    </message>
    <message>
        <source>Person erased</source>
        <translation>Person erased</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Data subject access export (Art. 15 GDPR)</source>
        <translation>Data subject access export (Art. 15 GDPR)</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Exception without consent (team lead)</source>
        <translation>Exception without consent (team lead)</translation>
    </message>
    <message>
        <source>Residence status recorded</source>
        <translation>Residence status recorded</translation>
    </message>
    <message>
        <source>Legal category recorded</source>
        <translation>Legal category recorded</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Deleted after the retention period</source>
        <translation>Deleted after the retention period</translation>
    </message>
    <message>
        <source>Audit trail shortened</source>
        <translation>Audit trail shortened</translation>
    </message>
    <message>
        <source>Audit trail accepted as it is (anchor reset)</source>
        <translation>Audit trail accepted as it is (anchor reset)</translation>
    </message>
    <message>
        <source>Database encrypted</source>
        <translation>Database encrypted</translation>
    </message>
    <message>
        <source>Database key changed</source>
        <translation>Database key changed</translation>
    </message>
    <message>
        <source>Letter printed</source>
        <translation>Letter printed</translation>
    </message>
    <message>
        <source>Letter saved as PDF</source>
        <translation>Letter saved as PDF</translation>
    </message>
    <message>
        <source>Letter printed again</source>
        <translation>Letter printed again</translation>
    </message>
    <message>
        <source>Letter printed with today&apos;s letters</source>
        <translation>Letter printed with today&apos;s letters</translation>
    </message>
    <message>
        <source>Consent form printed</source>
        <translation>Consent form printed</translation>
    </message>
    <message>
        <source>Consent form saved as PDF</source>
        <translation>Consent form saved as PDF</translation>
    </message>
    <message>
        <source>Statistics exported</source>
        <translation>Statistics exported</translation>
    </message>
    <message>
        <source>Attendance list created</source>
        <translation>Attendance list created</translation>
    </message>
    <message>
        <source>Employer list created</source>
        <translation>Employer list created</translation>
    </message>
    <message>
        <source>Follow-up list printed or saved</source>
        <translation>Follow-up list printed or saved</translation>
    </message>
    <message>
        <source>Contact list printed or saved</source>
        <translation>Contact list printed or saved</translation>
    </message>
    <message>
        <source>Client list printed or saved</source>
        <translation>Client list printed or saved</translation>
    </message>
    <message>
        <source>Event kit exported</source>
        <translation>Event kit exported</translation>
    </message>
    <message>
        <source>Event kit returned from the laptop</source>
        <translation>Event kit returned from the laptop</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Consent withdrawn</translation>
    </message>
    <message>
        <source>Referral sent</source>
        <translation>Referral sent</translation>
    </message>
    <message>
        <source>Person file viewed</source>
        <translation>Person file viewed</translation>
    </message>
    <message>
        <source>Person created</source>
        <translation>Person created</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <source>Contact recorded</source>
        <translation>Contact recorded</translation>
    </message>
    <message>
        <source>Follow-up created</source>
        <translation>Follow-up created</translation>
    </message>
    <message>
        <source>Referral created</source>
        <translation>Referral created</translation>
    </message>
    <message>
        <source>Placement recorded</source>
        <translation>Placement recorded</translation>
    </message>
    <message>
        <source>Placement changed</source>
        <translation>Placement changed</translation>
    </message>
    <message>
        <source>User account created</source>
        <translation>User account created</translation>
    </message>
    <message>
        <source>Team created</source>
        <translation>Team created</translation>
    </message>
    <message>
        <source>User account changed</source>
        <translation>User account changed</translation>
    </message>
    <message>
        <source>Person data edited</source>
        <translation>Person data edited</translation>
    </message>
    <message>
        <source>Case changed</source>
        <translation>Case changed</translation>
    </message>
    <message>
        <source>Case status changed</source>
        <translation>Case status changed</translation>
    </message>
    <message>
        <source>Referral answered or closed</source>
        <translation>Referral answered or closed</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Placement</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>User account</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Anchor replaced</source>
        <translation>Anchor replaced</translation>
    </message>
    <message>
        <source>Entries missing</source>
        <translation>Entries missing</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Partner kinds</source>
        <translation>Partner kinds</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Via</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
    <message>
        <source>Exception by</source>
        <translation>Exception by</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>Attendances</translation>
    </message>
    <message>
        <source>Exhibitors</source>
        <translation>Exhibitors</translation>
    </message>
    <message>
        <source>Small counts hidden below</source>
        <translation>Small counts hidden below</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Text version</source>
        <translation>Text version</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Given on</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Topics added to the case</source>
        <translation>Topics added to the case</translation>
    </message>
    <message>
        <source>Follow-up on</source>
        <translation>Follow-up on</translation>
    </message>
    <message>
        <source>With a note</source>
        <translation>With a note</translation>
    </message>
    <message>
        <source>Fields given</source>
        <translation>Fields given</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Encrypted</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Size (bytes)</translation>
    </message>
    <message>
        <source>Previous database kept as</source>
        <translation>Previous database kept as</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Schema version</translation>
    </message>
    <message>
        <source>Upgraded</source>
        <translation>Upgraded</translation>
    </message>
    <message>
        <source>Purpose of the output</source>
        <translation>Purpose of the output</translation>
    </message>
    <message>
        <source>Erasures re-applied</source>
        <translation>Erasures re-applied</translation>
    </message>
    <message>
        <source>Command-line sessions ended</source>
        <translation>Command-line sessions ended</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Merged into it</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Moved</translation>
    </message>
    <message>
        <source>Duplicates not copied</source>
        <translation>Duplicates not copied</translation>
    </message>
    <message>
        <source>Fields taken over</source>
        <translation>Fields taken over</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>Residence status</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Legal category</source>
        <translation>Legal category</translation>
    </message>
    <message>
        <source>Periods ended</source>
        <translation>Periods ended</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>Failed attempts</translation>
    </message>
    <message>
        <source>Locked (minutes)</source>
        <translation>Locked (minutes)</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>Inserted</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Duplicates to check</source>
        <translation>Duplicates to check</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Deleted records</source>
        <translation>Deleted records</translation>
    </message>
    <message>
        <source>Kept although deleted on the laptop</source>
        <translation>Kept although deleted on the laptop</translation>
    </message>
    <message>
        <source>New file numbers</source>
        <translation>New file numbers</translation>
    </message>
    <message>
        <source>Per table</source>
        <translation>Per table</translation>
    </message>
    <message>
        <source>Already merged before</source>
        <translation>Already merged before</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Files deleted</source>
        <translation>Files deleted</translation>
    </message>
    <message>
        <source>Audit entries blanked</source>
        <translation>Audit entries blanked</translation>
    </message>
    <message>
        <source>Persons erased</source>
        <translation>Persons erased</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>From entry</source>
        <translation>From entry</translation>
    </message>
    <message>
        <source>Through entry</source>
        <translation>Through entry</translation>
    </message>
    <message>
        <source>Check value</source>
        <translation>Check value</translation>
    </message>
    <message>
        <source>Older than</source>
        <translation>Older than</translation>
    </message>
    <message>
        <source>Checkpoint entry</source>
        <translation>Checkpoint entry</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Was closed on</source>
        <translation>Was closed on</translation>
    </message>
    <message>
        <source>Closing reason then</source>
        <translation>Closing reason then</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>paper</translation>
    </message>
    <message>
        <source>JSON and PDF</source>
        <translation>JSON and PDF</translation>
    </message>
    <message>
        <source>encrypted kit file</source>
        <translation>encrypted kit file</translation>
    </message>
    <message>
        <source>the window</source>
        <translation>the window</translation>
    </message>
    <message>
        <source>the command line</source>
        <translation>the command line</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>signed on paper</source>
        <translation>signed on paper</translation>
    </message>
    <message>
        <source>verbally, with a witness</source>
        <translation>verbally, with a witness</translation>
    </message>
    <message>
        <source>at the desk</source>
        <translation>at the desk</translation>
    </message>
    <message>
        <source>at an event</source>
        <translation>at an event</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>Nationalities</source>
        <translation>Nationalities</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Residence statuses</source>
        <translation>Residence statuses</translation>
    </message>
    <message>
        <source>Legal categories</source>
        <translation>Legal categories</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Case topics</source>
        <translation>Case topics</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Consent recipients</source>
        <translation>Consent recipients</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Placements</translation>
    </message>
    <message>
        <source>Employer contacts</source>
        <translation>Employer contacts</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Audit entries</translation>
    </message>
    <message>
        <source>Merge conflicts</source>
        <translation>Merge conflicts</translation>
    </message>
    <message>
        <source>the account is disabled</source>
        <translation>the account is disabled</translation>
    </message>
    <message>
        <source>an administrator does not read case contents</source>
        <translation>an administrator does not read case contents</translation>
    </message>
    <message>
        <source>the case belongs to another team</source>
        <translation>the case belongs to another team</translation>
    </message>
    <message>
        <source>the person belongs to another team</source>
        <translation>the person belongs to another team</translation>
    </message>
    <message>
        <source>no consent covers the letter (not printed, saved or sent)</source>
        <translation>no consent covers the letter (not printed, saved or sent)</translation>
    </message>
    <message>
        <source>read person data</source>
        <translation>read person data</translation>
    </message>
    <message>
        <source>edit person data</source>
        <translation>edit person data</translation>
    </message>
    <message>
        <source>merge persons</source>
        <translation>merge persons</translation>
    </message>
    <message>
        <source>referrals and consents</source>
        <translation>referrals and consents</translation>
    </message>
    <message>
        <source>referral without consent</source>
        <translation>referral without consent</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>statistics</translation>
    </message>
    <message>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <source>data protection</source>
        <translation>data protection</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>read the audit trail</translation>
    </message>
    <message>
        <source>manage accounts</source>
        <translation>manage accounts</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>change settings</translation>
    </message>
    <message>
        <source>backup and restore</source>
        <translation>backup and restore</translation>
    </message>
    <message>
        <source>events</source>
        <translation>events</translation>
    </message>
    <message>
        <source>search</source>
        <translation>search</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>the role %1 may not do this</source>
        <translation>the role %1 may not do this</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>&amp;Person (file number):</source>
        <translation>&amp;Person (file number):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>P&amp;eriod:</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Refresh audit trail</source>
        <translation>Refresh audit trail</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>The automatic backup failed; details are in the log.</source>
        <translation>The automatic backup failed; details are in the log.</translation>
    </message>
    <message>
        <source>Backing up the database …</source>
        <translation>Backing up the database …</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The action could not be completed because of an unexpected error. Details are in the log.</source>
        <translation>The action could not be completed because of an unexpected error. Details are in the log.</translation>
    </message>
</context>
<context>
    <name>CaseEditDialog</name>
    <message>
        <source>&amp;Counsellor</source>
        <translation>&amp;Counsellor</translation>
    </message>
    <message>
        <source>T&amp;opics</source>
        <translation>T&amp;opics</translation>
    </message>
    <message>
        <source>&amp;Goals</source>
        <translation>&amp;Goals</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <source>&amp;Opened on</source>
        <translation>&amp;Opened on</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>CaseForms</name>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nobody yet</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>desk</translation>
    </message>
    <message>
        <source>event</source>
        <translation>event</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>%1: please enter a date.</source>
        <translation>%1: please enter a date.</translation>
    </message>
    <message>
        <source>Counsellor: changed</source>
        <translation>Counsellor: changed</translation>
    </message>
    <message>
        <source>(no visible field changed)</source>
        <translation>(no visible field changed)</translation>
    </message>
    <message>
        <source>Case changed meanwhile</source>
        <translation>Case changed meanwhile</translation>
    </message>
    <message>
        <source>Someone else saved this case while you were working on it.</source>
        <translation>Someone else saved this case while you were working on it.</translation>
    </message>
    <message>
        <source>Changed since you opened it:</source>
        <translation>Changed since you opened it:</translation>
    </message>
    <message>
        <source>Save your input over it, or go back and check?</source>
        <translation>Save your input over it, or go back and check?</translation>
    </message>
    <message>
        <source>Save mine over it</source>
        <translation>Save mine over it</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Keep editing</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>Discard what you typed?</translation>
    </message>
    <message>
        <source>Change case status</source>
        <translation>Change case status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Case of %1</source>
        <translation>Case of %1</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(overdue)</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>Change residence status</source>
        <translation>Change residence status</translation>
    </message>
    <message>
        <source>as printed: not recorded</source>
        <translation>as printed: not recorded</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>empty: same as valid from</source>
        <translation>empty: same as valid from</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Legal category from</source>
        <translation>Legal category from</translation>
    </message>
    <message>
        <source>Legal category</source>
        <translation>Legal category</translation>
    </message>
    <message>
        <source>Open a case to keep a follow-up for it.</source>
        <translation>Open a case to keep a follow-up for it.</translation>
    </message>
    <message>
        <source>Add a follow-up due on %1?</source>
        <translation>Add a follow-up due on %1?</translation>
    </message>
    <message>
        <source>Add a follow-up?</source>
        <translation>Add a follow-up?</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>New follow-up</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>Due on: the date is in the past, please choose today or later.</source>
        <translation>Due on: the date is in the past, please choose today or later.</translation>
    </message>
    <message>
        <source>Please type a subject.</source>
        <translation>Please type a subject.</translation>
    </message>
</context>
<context>
    <name>CaseStatusDialog</name>
    <message>
        <source>Current status</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>&amp;New status</source>
        <translation>&amp;New status</translation>
    </message>
    <message>
        <source>Closing &amp;reason</source>
        <translation>Closing &amp;reason</translation>
    </message>
    <message>
        <source>required when closing</source>
        <translation>required when closing</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Then record a &amp;placement</source>
        <translation>Then record a &amp;placement</translation>
    </message>
    <message>
        <source>After closing, the placement dialog opens for this case (work or training found)</source>
        <translation>After closing, the placement dialog opens for this case (work or training found)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>%1 h/week</source>
        <translation>%1 h/week</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>opened</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>closed: %1</source>
        <translation>closed: %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>interpreter: %1</source>
        <translation>interpreter: %1</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>reason: %1</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>(ended on %1)</source>
        <translation>(ended on %1)</translation>
    </message>
    <message>
        <source>(until %1)</source>
        <translation>(until %1)</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Placement</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 since %2</translation>
    </message>
    <message numerus="yes">
        <source>%n ended</source>
        <translation>
            <numerusform>%n ended</numerusform>
            <numerusform>%n ended</numerusform>
        </translation>
    </message>
    <message>
        <source>case opened %1</source>
        <translation>case opened %1</translation>
    </message>
    <message>
        <source>Enter: edit the placement · context menu: end it</source>
        <translation>Enter: edit the placement · context menu: end it</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>confidential</translation>
    </message>
    <message>
        <source>Confidential note: shown on screen only, never printed</source>
        <translation>Confidential note: shown on screen only, never printed</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>E&amp;nd…</source>
        <translation>E&amp;nd…</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>%1+ matches</source>
        <translation>%1+ matches</translation>
    </message>
    <message numerus="yes">
        <source>Nobody under this spelling – %n similar spelling(s) (≈); a new person: Ctrl+N</source>
        <translation>
            <numerusform>Nobody under this spelling – %n similar spelling (≈); a new person: Ctrl+N</numerusform>
            <numerusform>Nobody under this spelling – %n similar spellings (≈); a new person: Ctrl+N</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody found – a new person: Ctrl+N</source>
        <translation>Nobody found – a new person: Ctrl+N</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n similar spelling(s)</source>
        <translation>
            <numerusform>%n similar spelling</numerusform>
            <numerusform>%n similar spellings</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation>&amp;New person</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Merge …</source>
        <translation>&amp;Merge …</translation>
    </message>
    <message>
        <source>The client list could not be read from the database.</source>
        <translation>The client list could not be read from the database.</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Name, file number, phone or date of birth</source>
        <translation>Name, file number, phone or date of birth</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Search clients</translation>
    </message>
    <message>
        <source>Search as you type (Ctrl+F); Esc clears the search</source>
        <translation>Search as you type (Ctrl+F); Esc clears the search</translation>
    </message>
    <message>
        <source>Client list</source>
        <translation>Client list</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>&amp;Data categories:</source>
        <translation>&amp;Data categories:</translation>
    </message>
    <message>
        <source>Recipient &amp;partners:</source>
        <translation>Recipient &amp;partners:</translation>
    </message>
    <message>
        <source>Filter partners</source>
        <translation>Filter partners</translation>
    </message>
    <message>
        <source>Recipient partners</source>
        <translation>Recipient partners</translation>
    </message>
    <message>
        <source>Recipient &amp;kinds:</source>
        <translation>Recipient &amp;kinds:</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>P&amp;urpose:</translation>
    </message>
    <message>
        <source>&amp;Text version:</source>
        <translation>&amp;Text version:</translation>
    </message>
    <message>
        <source>&amp;Given on:</source>
        <translation>&amp;Given on:</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Given on</translation>
    </message>
    <message>
        <source>E&amp;xpires on:</source>
        <translation>E&amp;xpires on:</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Form:</translation>
    </message>
    <message>
        <source>&amp;Witness:</source>
        <translation>&amp;Witness:</translation>
    </message>
    <message>
        <source>Only for a verbal consent</source>
        <translation>Only for a verbal consent</translation>
    </message>
</context>
<context>
    <name>ConsentEditDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Signed on paper</source>
        <translation>Signed on paper</translation>
    </message>
    <message>
        <source>Given verbally before a witness</source>
        <translation>Given verbally before a witness</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Given on</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expires on</translation>
    </message>
</context>
<context>
    <name>ConsentsDialog</name>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Withdraw…</translation>
    </message>
    <message>
        <source>Language of the form</source>
        <translation>Language of the form</translation>
    </message>
    <message>
        <source>Form &amp;language:</source>
        <translation>Form &amp;language:</translation>
    </message>
    <message>
        <source>&amp;Print form…</source>
        <translation>&amp;Print form…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>withdrawn %1</source>
        <translation>withdrawn %1</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation>not yet valid</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>Withdraw this consent from today? Letters that need it can no longer be sent.</source>
        <translation>Withdraw this consent from today? Letters that need it can no longer be sent.</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>Consent form</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>blank</translation>
    </message>
</context>
<context>
    <name>ContactEntryDialog</name>
    <message>
        <source>Person and case</source>
        <translation>Person and case</translation>
    </message>
    <message>
        <source>&amp;Date and time</source>
        <translation>&amp;Date and time</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <source>e.g. 30</source>
        <translation>e.g. 30</translation>
    </message>
    <message>
        <source>&amp;Interpreter</source>
        <translation>&amp;Interpreter</translation>
    </message>
    <message>
        <source>T&amp;opics</source>
        <translation>T&amp;opics</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>S&amp;ummary</translation>
    </message>
    <message>
        <source>short, may appear in reports</source>
        <translation>short, may appear in reports</translation>
    </message>
    <message>
        <source>Confidential &amp;note</source>
        <translation>Confidential &amp;note</translation>
    </message>
    <message>
        <source>Done by this &amp;contact</source>
        <translation>Done by this &amp;contact</translation>
    </message>
    <message>
        <source>The open follow-ups: tick (Space) those this contact answers; they are marked done when the contact is saved</source>
        <translation>The open follow-ups: tick (Space) those this contact answers; they are marked done when the contact is saved</translation>
    </message>
    <message>
        <source>Open follow-ups done by this contact</source>
        <translation>Open follow-ups done by this contact</translation>
    </message>
    <message>
        <source>Next &amp;follow-up</source>
        <translation>Next &amp;follow-up</translation>
    </message>
    <message>
        <source>DD.MM.YYYY or +14 (days)</source>
        <translation>DD.MM.YYYY or +14 (days)</translation>
    </message>
    <message>
        <source>Follow-up &amp;text</source>
        <translation>Follow-up &amp;text</translation>
    </message>
    <message>
        <source>The confidential note is shown on screen only: never printed, never exported. Shift+Enter starts a new line.</source>
        <translation>The confidential note is shown on screen only: never printed, never exported. Shift+Enter starts a new line.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>An unexpected error occurred. Your saved data is safe; the last action may not have been completed.

Please send the details below to your IT support.</source>
        <translation>An unexpected error occurred. Your saved data is safe; the last action may not have been completed.

Please send the details below to your IT support.</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV files (*.csv *.txt)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>DD.MM.YYYY or +14</source>
        <translation>DD.MM.YYYY or +14</translation>
    </message>
    <message>
        <source>A date like 24.11.2026, or +14 for 14 days from today</source>
        <translation>A date like 24.11.2026, or +14 for 14 days from today</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>name sounds the same</source>
        <translation>name sounds the same</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>similar name</translation>
    </message>
    <message>
        <source>given and family name swapped</source>
        <translation>given and family name swapped</translation>
    </message>
    <message>
        <source>same date of birth</source>
        <translation>same date of birth</translation>
    </message>
    <message>
        <source>same year of birth (placeholder or year only)</source>
        <translation>same year of birth (placeholder or year only)</translation>
    </message>
    <message>
        <source>day and month of birth swapped</source>
        <translation>day and month of birth swapped</translation>
    </message>
    <message>
        <source>same nationality</source>
        <translation>same nationality</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>same phone number</translation>
    </message>
    <message>
        <source>common name (weighed less)</source>
        <translation>common name (weighed less)</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicate</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>This person may already be registered. Open the existing file instead, or save the new person anyway.</source>
        <translation>This person may already be registered. Open the existing file instead, or save the new person anyway.</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>File number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>&amp;Open existing person</source>
        <translation>&amp;Open existing person</translation>
    </message>
    <message>
        <source>&amp;Save as new person anyway</source>
        <translation>&amp;Save as new person anyway</translation>
    </message>
    <message>
        <source>&amp;Back to the form</source>
        <translation>&amp;Back to the form</translation>
    </message>
</context>
<context>
    <name>EditConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>Someone else saved this person while you were editing. Nothing has been saved yet.</source>
        <translation>Someone else saved this person while you were editing. Nothing has been saved yet.</translation>
    </message>
    <message>
        <source>Your changes touch none of the fields they changed.</source>
        <translation>Your changes touch none of the fields they changed.</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Your value</translation>
    </message>
    <message>
        <source>Saved meanwhile</source>
        <translation>Saved meanwhile</translation>
    </message>
    <message>
        <source>Save &amp;my values</source>
        <translation>Save &amp;my values</translation>
    </message>
    <message>
        <source>&amp;Take the saved values</source>
        <translation>&amp;Take the saved values</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Keep editing</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>Job fair</source>
        <translation>Job fair</translation>
    </message>
    <message>
        <source>Outreach day</source>
        <translation>Outreach day</translation>
    </message>
    <message>
        <source>Info session</source>
        <translation>Info session</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>New event…</translation>
    </message>
    <message>
        <source>Import attendees…</source>
        <translation>Import attendees…</translation>
    </message>
    <message>
        <source>Attendance list…</source>
        <translation>Attendance list…</translation>
    </message>
    <message>
        <source>Employer list…</source>
        <translation>Employer list…</translation>
    </message>
    <message>
        <source>Fair mode</source>
        <translation>Fair mode</translation>
    </message>
    <message>
        <source>Export kit…</source>
        <translation>Export kit…</translation>
    </message>
    <message>
        <source>Return kit…</source>
        <translation>Return kit…</translation>
    </message>
    <message>
        <source>Merge kit…</source>
        <translation>Merge kit…</translation>
    </message>
    <message>
        <source>Open kit…</source>
        <translation>Open kit…</translation>
    </message>
    <message>
        <source>The offline kit is not available in this version.</source>
        <translation>The offline kit is not available in this version.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation>No event selected</translation>
    </message>
    <message>
        <source>%1 registered, %2 without registration</source>
        <translation>%1 registered, %2 without registration</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Creating the PDF …</source>
        <translation>Creating the PDF …</translation>
    </message>
    <message>
        <source>Attendance list</source>
        <translation>Attendance list</translation>
    </message>
    <message>
        <source>Employer list</source>
        <translation>Employer list</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>name or place</source>
        <translation>name or place</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;New event…</translation>
    </message>
    <message>
        <source>&amp;Fair mode (F11)</source>
        <translation>&amp;Fair mode (F11)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Partners present</source>
        <translation>Partners present</translation>
    </message>
    <message>
        <source>&amp;Import attendees…</source>
        <translation>&amp;Import attendees…</translation>
    </message>
    <message>
        <source>&amp;Attendance list…</source>
        <translation>&amp;Attendance list…</translation>
    </message>
    <message>
        <source>&amp;Employer list…</source>
        <translation>&amp;Employer list…</translation>
    </message>
    <message>
        <source>Export &amp;kit…</source>
        <translation>Export &amp;kit…</translation>
    </message>
    <message>
        <source>&amp;Return kit…</source>
        <translation>&amp;Return kit…</translation>
    </message>
    <message>
        <source>&amp;Merge kit…</source>
        <translation>&amp;Merge kit…</translation>
    </message>
    <message>
        <source>&amp;Open kit…</source>
        <translation>&amp;Open kit…</translation>
    </message>
</context>
<context>
    <name>FairMode</name>
    <message>
        <source>Talk</source>
        <translation>Talk</translation>
    </message>
    <message>
        <source>Interview agreed</source>
        <translation>Interview agreed</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>Hired</translation>
    </message>
    <message>
        <source>Fair mode</source>
        <translation>Fair mode</translation>
    </message>
    <message>
        <source>Enter: next field · Ctrl+Enter: save · F5: +1 without registration · Ctrl+−: take back · F3: find attendee · F4: contact · Esc: leave</source>
        <translation>Enter: next field · Ctrl+Enter: save · F5: +1 without registration · Ctrl+−: take back · F3: find attendee · F4: contact · Esc: leave</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Without registration</source>
        <translation>Without registration</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>+1 without registration (F5)</source>
        <translation>+1 without registration (F5)</translation>
    </message>
    <message>
        <source>New attendee</source>
        <translation>New attendee</translation>
    </message>
    <message>
        <source>e.g. 1990</source>
        <translation>e.g. 1990</translation>
    </message>
    <message>
        <source>e.g. Arabic, English B1</source>
        <translation>e.g. Arabic, English B1</translation>
    </message>
    <message>
        <source>Agrees to be contacted (employers, follow-up)</source>
        <translation>Agrees to be contacted (employers, follow-up)</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Family name</translation>
    </message>
    <message>
        <source>&amp;Given names</source>
        <translation>&amp;Given names</translation>
    </message>
    <message>
        <source>&amp;Birth year</source>
        <translation>&amp;Birth year</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>&amp;Languages</translation>
    </message>
    <message>
        <source>G&amp;erman level</source>
        <translation>G&amp;erman level</translation>
    </message>
    <message>
        <source>&amp;Profession or wish</source>
        <translation>&amp;Profession or wish</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>Register (Ctrl+Enter)</source>
        <translation>Register (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Employer contact</source>
        <translation>Employer contact</translation>
    </message>
    <message>
        <source>No attendee chosen</source>
        <translation>No attendee chosen</translation>
    </message>
    <message>
        <source>Find a&amp;ttendee (F3)</source>
        <translation>Find a&amp;ttendee (F3)</translation>
    </message>
    <message>
        <source>number or name</source>
        <translation>number or name</translation>
    </message>
    <message>
        <source>Matching attendees</source>
        <translation>Matching attendees</translation>
    </message>
    <message>
        <source>&amp;Contact (F4): number, then letter</source>
        <translation>&amp;Contact (F4): number, then letter</translation>
    </message>
    <message>
        <source>No employers at this event</source>
        <translation>No employers at this event</translation>
    </message>
    <message>
        <source>Not saved yet. Press Esc again to leave and discard the typing.</source>
        <translation>Not saved yet. Press Esc again to leave and discard the typing.</translation>
    </message>
    <message>
        <source>Possibly known already:</source>
        <translation>Possibly known already:</translation>
    </message>
    <message>
        <source>Enter registers a new person as typed.</source>
        <translation>Enter registers a new person as typed.</translation>
    </message>
    <message>
        <source>Registers the existing person %1 (Alt+0: a new person instead).</source>
        <translation>Registers the existing person %1 (Alt+0: a new person instead).</translation>
    </message>
    <message>
        <source>Saved as number %1.</source>
        <translation>Saved as number %1.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>(no consent: no contacts)</source>
        <translation>(no consent: no contacts)</translation>
    </message>
    <message>
        <source>Type the employer&apos;s number, then G, V, B or E.</source>
        <translation>Type the employer&apos;s number, then G, V, B or E.</translation>
    </message>
    <message>
        <source>No employer with number %1.</source>
        <translation>No employer with number %1.</translation>
    </message>
    <message>
        <source>Choose an attendee first (F3).</source>
        <translation>Choose an attendee first (F3).</translation>
    </message>
</context>
<context>
    <name>FollowUpEditDialog</name>
    <message>
        <source>Person and case</source>
        <translation>Person and case</translation>
    </message>
    <message>
        <source>&amp;Due on</source>
        <translation>&amp;Due on</translation>
    </message>
    <message>
        <source>DD.MM.YYYY or +14 (days)</source>
        <translation>DD.MM.YYYY or +14 (days)</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <source>e.g. ask about the application</source>
        <translation>e.g. ask about the application</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>&amp;Note (optional)</source>
        <translation>&amp;Note (optional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>The follow-up is yours and shows in your Wiedervorlagen list on its date. Its text is not confidential.</source>
        <translation>The follow-up is yours and shows in your Wiedervorlagen list on its date. Its text is not confidential.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>Postpone…</source>
        <translation>Postpone…</translation>
    </message>
    <message>
        <source>Refresh follow-ups</source>
        <translation>Refresh follow-ups</translation>
    </message>
    <message>
        <source>Undo done</source>
        <translation>Undo done</translation>
    </message>
    <message>
        <source>Reading what is due …</source>
        <translation>Reading what is due …</translation>
    </message>
    <message>
        <source>The follow-ups could not be read.</source>
        <translation>The follow-ups could not be read.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Next 7 days</translation>
    </message>
    <message>
        <source>Residence documents expiring</source>
        <translation>Residence documents expiring</translation>
    </message>
    <message>
        <source>Legal category hints</source>
        <translation>Legal category hints</translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation>
            <numerusform>%n due</numerusform>
            <numerusform>%n due</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing due. Well done.</source>
        <translation>Nothing due. Well done.</translation>
    </message>
    <message>
        <source>Done: %1 – %2.</source>
        <translation>Done: %1 – %2.</translation>
    </message>
    <message>
        <source>Open again: %1.</source>
        <translation>Open again: %1.</translation>
    </message>
    <message>
        <source>Type the new date, like 24.11.2026.</source>
        <translation>Type the new date, like 24.11.2026.</translation>
    </message>
    <message>
        <source>Postponed to %1.</source>
        <translation>Postponed to %1.</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Number of follow-ups due</source>
        <translation>Number of follow-ups due</translation>
    </message>
    <message>
        <source>Whole &amp;team</source>
        <translation>Whole &amp;team</translation>
    </message>
    <message>
        <source>Show the follow-ups of every case of your team, whoever they are assigned to (team leads)</source>
        <translation>Show the follow-ups of every case of your team, whoever they are assigned to (team leads)</translation>
    </message>
    <message>
        <source>Show the whole team&apos;s follow-ups</source>
        <translation>Show the whole team&apos;s follow-ups</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <source>Enter opens the person, Space or Ctrl+D marks done, Ctrl+Z takes it back, Ctrl+P postpones</source>
        <translation>Enter opens the person, Space or Ctrl+D marks done, Ctrl+Z takes it back, Ctrl+P postpones</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>&amp;Undo (Ctrl+Z)</source>
        <translation>&amp;Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Take back the last &quot;done&quot; (Ctrl+Z)</source>
        <translation>Take back the last &quot;done&quot; (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <source>Mark done (Space, Ctrl+D)</source>
        <translation>Mark done (Space, Ctrl+D)</translation>
    </message>
    <message>
        <source>&amp;Postpone to:</source>
        <translation>&amp;Postpone to:</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Postpone to date</source>
        <translation>Postpone to date</translation>
    </message>
    <message>
        <source>Type a date like 24.11.2026 and press Enter (Ctrl+P)</source>
        <translation>Type a date like 24.11.2026 and press Enter (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Open person</source>
        <translation>&amp;Open person</translation>
    </message>
    <message>
        <source>Open the person&apos;s file (Enter)</source>
        <translation>Open the person&apos;s file (Enter)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>New person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>diverse</source>
        <translation>diverse</translation>
    </message>
    <message>
        <source>Edit person – %1</source>
        <translation>Edit person – %1</translation>
    </message>
    <message>
        <source>Household members: %1</source>
        <translation>Household members: %1</translation>
    </message>
    <message>
        <source>The person could not be saved. Nothing you typed is lost; details are in the log.</source>
        <translation>The person could not be saved. Nothing you typed is lost; details are in the log.</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>Discard what you typed?</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Family name</translation>
    </message>
    <message>
        <source>&amp;Given names</source>
        <translation>&amp;Given names</translation>
    </message>
    <message>
        <source>Family name (&amp;original script)</source>
        <translation>Family name (&amp;original script)</translation>
    </message>
    <message>
        <source>Given names (original scri&amp;pt)</source>
        <translation>Given names (original scri&amp;pt)</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>&amp;Date of birth</translation>
    </message>
    <message>
        <source>24.11.1990 or 1990</source>
        <translation>24.11.1990 or 1990</translation>
    </message>
    <message>
        <source>Placeholder (01.01.)</source>
        <translation>Placeholder (01.01.)</translation>
    </message>
    <message>
        <source>The papers show 01.01. because day and month are unknown</source>
        <translation>The papers show 01.01. because day and month are unknown</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>Se&amp;x</translation>
    </message>
    <message>
        <source>Origin and languages</source>
        <translation>Origin and languages</translation>
    </message>
    <message>
        <source>&amp;Nationality</source>
        <translation>&amp;Nationality</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Second nationality</source>
        <translation>Second nationality</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>&amp;Languages</translation>
    </message>
    <message>
        <source>Language 1</source>
        <translation>Language 1</translation>
    </message>
    <message>
        <source>Level of language 1</source>
        <translation>Level of language 1</translation>
    </message>
    <message>
        <source>Language 2</source>
        <translation>Language 2</translation>
    </message>
    <message>
        <source>Level of language 2</source>
        <translation>Level of language 2</translation>
    </message>
    <message>
        <source>Language 3</source>
        <translation>Language 3</translation>
    </message>
    <message>
        <source>Level of language 3</source>
        <translation>Level of language 3</translation>
    </message>
    <message>
        <source>&amp;Interpreter</source>
        <translation>&amp;Interpreter</translation>
    </message>
    <message>
        <source>A&amp;rrival</source>
        <translation>A&amp;rrival</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Contact and address</source>
        <translation>Contact and address</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Street</source>
        <translation>&amp;Street</translation>
    </message>
    <message>
        <source>Postcode, &amp;city</source>
        <translation>Postcode, &amp;city</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Lives &amp;with</source>
        <translation>Lives &amp;with</translation>
    </message>
    <message>
        <source>Name or file number of a household member</source>
        <translation>Name or file number of a household member</translation>
    </message>
    <message>
        <source>Residence and legal category</source>
        <translation>Residence and legal category</translation>
    </message>
    <message>
        <source>Residence s&amp;tatus</source>
        <translation>Residence s&amp;tatus</translation>
    </message>
    <message>
        <source>Wor&amp;k permission</source>
        <translation>Wor&amp;k permission</translation>
    </message>
    <message>
        <source>&amp;Valid from / until</source>
        <translation>&amp;Valid from / until</translation>
    </message>
    <message>
        <source>from (default: today)</source>
        <translation>from (default: today)</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>until</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Legal c&amp;ategory</source>
        <translation>Legal c&amp;ategory</translation>
    </message>
    <message>
        <source>Legal categor&amp;y since</source>
        <translation>Legal categor&amp;y since</translation>
    </message>
    <message>
        <source>default: today</source>
        <translation>default: today</translation>
    </message>
</context>
<context>
    <name>KitActions</name>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <source>At least 8 characters, please.</source>
        <translation>At least 8 characters, please.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>The two entries differ.</translation>
    </message>
    <message>
        <source>Please enter the passphrase.</source>
        <translation>Please enter the passphrase.</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
    <message>
        <source>Save event kit</source>
        <translation>Save event kit</translation>
    </message>
    <message>
        <source>Encrypt the kit</source>
        <translation>Encrypt the kit</translation>
    </message>
    <message>
        <source>Writing the kit …</source>
        <translation>Writing the kit …</translation>
    </message>
    <message>
        <source>Event kit</source>
        <translation>Event kit</translation>
    </message>
    <message>
        <source>The kit was written to %1 (%2 bytes).</source>
        <translation>The kit was written to %1 (%2 bytes).</translation>
    </message>
    <message>
        <source>Open event kit</source>
        <translation>Open event kit</translation>
    </message>
    <message>
        <source>New laptop database</source>
        <translation>New laptop database</translation>
    </message>
    <message>
        <source>Laptop database</source>
        <translation>Laptop database</translation>
    </message>
    <message>
        <source>Passphrase of the kit</source>
        <translation>Passphrase of the kit</translation>
    </message>
    <message>
        <source>Opening the kit …</source>
        <translation>Opening the kit …</translation>
    </message>
    <message>
        <source>The laptop database %1 holds %2 records of the kit.</source>
        <translation>The laptop database %1 holds %2 records of the kit.</translation>
    </message>
    <message>
        <source>Save returned kit</source>
        <translation>Save returned kit</translation>
    </message>
    <message>
        <source>return</source>
        <translation>return</translation>
    </message>
    <message>
        <source>Encrypt the return</source>
        <translation>Encrypt the return</translation>
    </message>
    <message>
        <source>Writing the return …</source>
        <translation>Writing the return …</translation>
    </message>
    <message>
        <source>Everything done here was written to %1.</source>
        <translation>Everything done here was written to %1.</translation>
    </message>
    <message>
        <source>This kit was merged before: nothing changed.</source>
        <translation>This kit was merged before: nothing changed.</translation>
    </message>
    <message>
        <source>Inserted: %1, updated: %2, conflicts: %3, duplicates to review: %4, rejected: %5</source>
        <translation>Inserted: %1, updated: %2, conflicts: %3, duplicates to review: %4, rejected: %5</translation>
    </message>
    <message>
        <source>Not taken over:</source>
        <translation>Not taken over:</translation>
    </message>
    <message>
        <source>Deleted as on the laptop: %1, kept (changed here or in use): %2</source>
        <translation>Deleted as on the laptop: %1, kept (changed here or in use): %2</translation>
    </message>
    <message>
        <source>Merge returned kit</source>
        <translation>Merge returned kit</translation>
    </message>
    <message>
        <source>Merging the kit …</source>
        <translation>Merging the kit …</translation>
    </message>
    <message>
        <source>Kit merged</source>
        <translation>Kit merged</translation>
    </message>
</context>
<context>
    <name>KitReview</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>KitReviewView</name>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Office value</source>
        <translation>Office value</translation>
    </message>
    <message>
        <source>Kit value</source>
        <translation>Kit value</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Keep &amp;office value</source>
        <translation>Keep &amp;office value</translation>
    </message>
    <message>
        <source>Take &amp;kit value</source>
        <translation>Take &amp;kit value</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Conflicts</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>&amp;Link to this person</source>
        <translation>&amp;Link to this person</translation>
    </message>
    <message>
        <source>Keep as &amp;new person</source>
        <translation>Keep as &amp;new person</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Duplicates to review</source>
        <translation>&amp;Duplicates to review</translation>
    </message>
    <message>
        <source>Keep office value</source>
        <translation>Keep office value</translation>
    </message>
    <message>
        <source>Take kit value</source>
        <translation>Take kit value</translation>
    </message>
    <message>
        <source>Link to existing person</source>
        <translation>Link to existing person</translation>
    </message>
    <message>
        <source>Keep as new person</source>
        <translation>Keep as new person</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>same name</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>similar name</translation>
    </message>
    <message>
        <source>given and family name swapped</source>
        <translation>given and family name swapped</translation>
    </message>
    <message>
        <source>same date of birth</source>
        <translation>same date of birth</translation>
    </message>
    <message>
        <source>date of birth with swapped day and month</source>
        <translation>date of birth with swapped day and month</translation>
    </message>
    <message>
        <source>same year of birth</source>
        <translation>same year of birth</translation>
    </message>
    <message>
        <source>same nationality</source>
        <translation>same nationality</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>same phone number</translation>
    </message>
    <message>
        <source>common name</source>
        <translation>common name</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n open conflict</numerusform>
            <numerusform>%n open conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n new person(s) to review</source>
        <translation>
            <numerusform>%n new person to review</numerusform>
            <numerusform>%n new persons to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LetterPreviewDialog</name>
    <message>
        <source>Letter preview</source>
        <translation>Letter preview</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Fit width</source>
        <translation>&amp;Fit width</translation>
    </message>
    <message>
        <source>P&amp;revious page</source>
        <translation>P&amp;revious page</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>&amp;Next page</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>Sen&amp;d</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Justify an &amp;exception…</source>
        <translation>Justify an &amp;exception…</translation>
    </message>
    <message>
        <source>Record &amp;consent…</source>
        <translation>Record &amp;consent…</translation>
    </message>
    <message>
        <source>Reason for the e&amp;xception:</source>
        <translation>Reason for the e&amp;xception:</translation>
    </message>
    <message>
        <source>&amp;Record the exception</source>
        <translation>&amp;Record the exception</translation>
    </message>
    <message>
        <source>Exception recorded. The letter names you and the reason; it may now be printed, saved or sent.</source>
        <translation>Exception recorded. The letter names you and the reason; it may now be printed, saved or sent.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Print letter</source>
        <translation>Print letter</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>The file could not be written.</translation>
    </message>
</context>
<context>
    <name>ListPrinting</name>
    <message>
        <source>&amp;My follow-ups</source>
        <translation>&amp;My follow-ups</translation>
    </message>
    <message>
        <source>Contacts &amp;today</source>
        <translation>Contacts &amp;today</translation>
    </message>
    <message>
        <source>Contacts this &amp;week</source>
        <translation>Contacts this &amp;week</translation>
    </message>
    <message>
        <source>&amp;Client list</source>
        <translation>&amp;Client list</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Contacts of the week</source>
        <translation>Contacts of the week</translation>
    </message>
    <message>
        <source>Client list</source>
        <translation>Client list</translation>
    </message>
    <message>
        <source>&amp;Print list…</source>
        <translation>&amp;Print list…</translation>
    </message>
    <message>
        <source>Save list as P&amp;DF…</source>
        <translation>Save list as P&amp;DF…</translation>
    </message>
    <message>
        <source>Print list</source>
        <translation>Print list</translation>
    </message>
    <message>
        <source>Save list as PDF</source>
        <translation>Save list as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>The file could not be written.</translation>
    </message>
    <message>
        <source>&amp;Print list</source>
        <translation>&amp;Print list</translation>
    </message>
    <message>
        <source>Save list as P&amp;DF</source>
        <translation>Save list as P&amp;DF</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>mzdesk is locked</source>
        <translation>mzdesk is locked</translation>
    </message>
    <message>
        <source>Locked. Enter the password of %1 to continue.</source>
        <translation>Locked. Enter the password of %1 to continue.</translation>
    </message>
    <message>
        <source>Locked after inactivity. Enter the password of %1 to continue.</source>
        <translation>Locked after inactivity. Enter the password of %1 to continue.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>The password is wrong.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Create the first administrator account</source>
        <translation>Create the first administrator account</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Nobody can log in to this database yet. Create the administrator account: it manages accounts and settings, but does not read case files.</source>
        <translation>Nobody can log in to this database yet. Create the administrator account: it manages accounts and settings, but does not read case files.</translation>
    </message>
    <message>
        <source>Please log in with your user name and password.</source>
        <translation>Please log in with your user name and password.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Please enter your user name.</source>
        <translation>Please enter your user name.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Counting persons …</source>
        <translation>Counting persons …</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Logged in: %1</source>
        <translation>Logged in: %1</translation>
    </message>
    <message>
        <source>This area could not be opened. Details are in the log.</source>
        <translation>This area could not be opened. Details are in the log.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln persons</numerusform>
        </translation>
    </message>
    <message>
        <source>Persons could not be counted</source>
        <translation>Persons could not be counted</translation>
    </message>
    <message>
        <source>About mzdesk</source>
        <translation>About mzdesk</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>&amp;Actions</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <source>S&amp;witch user …</source>
        <translation>S&amp;witch user …</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <source>&amp;Settings …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <source>&amp;About mzdesk</source>
        <translation>&amp;About mzdesk</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Open &amp;log folder</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge persons</source>
        <translation>Merge persons</translation>
    </message>
    <message>
        <source>Both records will become one. Everything linked to the other person (cases, consents, histories, placements …) moves to the one you keep; its empty fields are filled from the other.</source>
        <translation>Both records will become one. Everything linked to the other person (cases, consents, histories, placements …) moves to the one you keep; its empty fields are filled from the other.</translation>
    </message>
    <message>
        <source>&amp;%1 – keep %2</source>
        <translation>&amp;%1 – keep %2</translation>
    </message>
    <message>
        <source>&amp;Merge …</source>
        <translation>&amp;Merge …</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>File number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Original script</source>
        <translation>Original script</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>Residence status</translation>
    </message>
    <message>
        <source>Legal category</source>
        <translation>Legal category</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>The two persons side by side</source>
        <translation>The two persons side by side</translation>
    </message>
    <message>
        <source>Merge %1 into %2? This cannot be undone.</source>
        <translation>Merge %1 into %2? This cannot be undone.</translation>
    </message>
    <message>
        <source>Merging …</source>
        <translation>Merging …</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <source>New event</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>&amp;Employers present (Space)</source>
        <translation>&amp;Employers present (Space)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>PartnerEditDialog</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>New partner</source>
        <translation>New partner</translation>
    </message>
    <message>
        <source>Edit partner</source>
        <translation>Edit partner</translation>
    </message>
    <message>
        <source>– please choose –</source>
        <translation>– please choose –</translation>
    </message>
    <message>
        <source>German</source>
        <translation>German</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>Edit partner (inactive)</source>
        <translation>Edit partner (inactive)</translation>
    </message>
    <message>
        <source>Please enter the name.</source>
        <translation>Please enter the name.</translation>
    </message>
    <message>
        <source>Please choose the kind of partner.</source>
        <translation>Please choose the kind of partner.</translation>
    </message>
    <message>
        <source>Partner changed meanwhile</source>
        <translation>Partner changed meanwhile</translation>
    </message>
    <message>
        <source>Someone else saved this partner while you were editing it.</source>
        <translation>Someone else saved this partner while you were editing it.</translation>
    </message>
    <message>
        <source>Save your input over it, or go back and check?</source>
        <translation>Save your input over it, or go back and check?</translation>
    </message>
    <message>
        <source>Save mine over it</source>
        <translation>Save mine over it</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>St&amp;reet</source>
        <translation>St&amp;reet</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>&amp;Postcode</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>&amp;Town</source>
        <translation>&amp;Town</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Ph&amp;one</source>
        <translation>Ph&amp;one</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>&amp;Letter language</source>
        <translation>&amp;Letter language</translation>
    </message>
    <message>
        <source>Letter language</source>
        <translation>Letter language</translation>
    </message>
    <message>
        <source>Serv&amp;ices</source>
        <translation>Serv&amp;ices</translation>
    </message>
    <message>
        <source>Services, one per line</source>
        <translation>Services, one per line</translation>
    </message>
    <message>
        <source>One service per line, e.g. training places</source>
        <translation>One service per line, e.g. training places</translation>
    </message>
    <message>
        <source>Contact people</source>
        <translation>Contact people</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>Contact person&apos;s name</source>
        <translation>Contact person&apos;s name</translation>
    </message>
    <message>
        <source>&amp;Function</source>
        <translation>&amp;Function</translation>
    </message>
    <message>
        <source>Contact person&apos;s function</source>
        <translation>Contact person&apos;s function</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>Contact person&apos;s phone</source>
        <translation>Contact person&apos;s phone</translation>
    </message>
    <message>
        <source>E-m&amp;ail</source>
        <translation>E-m&amp;ail</translation>
    </message>
    <message>
        <source>Contact person&apos;s e-mail</source>
        <translation>Contact person&apos;s e-mail</translation>
    </message>
    <message>
        <source>Add &amp;contact person</source>
        <translation>Add &amp;contact person</translation>
    </message>
    <message>
        <source>Remo&amp;ve contact person</source>
        <translation>Remo&amp;ve contact person</translation>
    </message>
</context>
<context>
    <name>PartnerImportDialog</name>
    <message>
        <source>Import partners</source>
        <translation>Import partners</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Choose a CSV file</translation>
    </message>
    <message>
        <source>Checking the file …</source>
        <translation>Checking the file …</translation>
    </message>
    <message>
        <source>The file cannot be imported.</source>
        <translation>The file cannot be imported.</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 rejected (%5)</source>
        <translation>%1 new, %2 updated, %3 unchanged, %4 rejected (%5)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>Importing partners …</source>
        <translation>Importing partners …</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV file</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Rows to import</source>
        <translation>Rows to import</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Rejected rows</translation>
    </message>
</context>
<context>
    <name>PartnersView</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <source>Reactivate…</source>
        <translation>Reactivate…</translation>
    </message>
    <message>
        <source>Deactivate partner</source>
        <translation>Deactivate partner</translation>
    </message>
    <message>
        <source>Deactivate &quot;%1&quot;?</source>
        <translation>Deactivate &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>The partner is not deleted: referrals, consents and events keep it. It is no longer offered for new referrals and is hidden in this list unless &quot;show inactive&quot; is ticked.</source>
        <translation>The partner is not deleted: referrals, consents and events keep it. It is no longer offered for new referrals and is hidden in this list unless &quot;show inactive&quot; is ticked.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Reactivate partner</source>
        <translation>Reactivate partner</translation>
    </message>
    <message>
        <source>Reactivate &quot;%1&quot;?</source>
        <translation>Reactivate &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>It is offered for new referrals again.</source>
        <translation>It is offered for new referrals again.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>%n partner(s)</source>
        <translation>
            <numerusform>%n partner</numerusform>
            <numerusform>%n partners</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>No partner selected</source>
        <translation>No partner selected</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>(inactive)</translation>
    </message>
    <message>
        <source>German</source>
        <translation>German</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Name or department</source>
        <translation>Name or department</translation>
    </message>
    <message>
        <source>Search partners</source>
        <translation>Search partners</translation>
    </message>
    <message>
        <source>Search as you type, regardless of case and accents</source>
        <translation>Search as you type, regardless of case and accents</translation>
    </message>
    <message>
        <source>Partner kind</source>
        <translation>Partner kind</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>show inactive</source>
        <translation>show inactive</translation>
    </message>
    <message>
        <source>Also list partners that were deactivated</source>
        <translation>Also list partners that were deactivated</translation>
    </message>
    <message>
        <source>Import partners from a CSV file (Ctrl+I)</source>
        <translation>Import partners from a CSV file (Ctrl+I)</translation>
    </message>
    <message>
        <source>Partner list</source>
        <translation>Partner list</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Contact people</source>
        <translation>Contact people</translation>
    </message>
    <message>
        <source>Letter language</source>
        <translation>Letter language</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Set password for %1</source>
        <translation>Set password for %1</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>New &amp;password:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Password &amp;again:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>PersonDetail</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Original script</source>
        <translation>Original script</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <source>Select a person in the list to see their file.</source>
        <translation>Select a person in the list to see their file.</translation>
    </message>
    <message>
        <source>Change residence status</source>
        <translation>Change residence status</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Residence and benefits</source>
        <translation>Residence and benefits</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>Residence status</translation>
    </message>
    <message>
        <source>Work permission</source>
        <translation>Work permission</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Legal category</source>
        <translation>Legal category</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Placements</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Create referral</source>
        <translation>Create referral</translation>
    </message>
    <message>
        <source>Record placement</source>
        <translation>Record placement</translation>
    </message>
    <message>
        <source>Cases of this person</source>
        <translation>Cases of this person</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status changes</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Timeline of the selected case</source>
        <translation>Timeline of the selected case</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>Open follow-ups</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
</context>
<context>
    <name>PersonDetailPane</name>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Change residence status</source>
        <translation>Change residence status</translation>
    </message>
    <message>
        <source>Create referral</source>
        <translation>Create referral</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>New follow-up…</source>
        <translation>New follow-up…</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>Follow-up done</translation>
    </message>
    <message>
        <source>Record placement…</source>
        <translation>Record placement…</translation>
    </message>
    <message>
        <source>Not available in this installation yet</source>
        <translation>Not available in this installation yet</translation>
    </message>
    <message>
        <source>Reopen the case to log a contact</source>
        <translation>Reopen the case to log a contact</translation>
    </message>
    <message>
        <source>New contact (Ctrl+K)</source>
        <translation>New contact (Ctrl+K)</translation>
    </message>
    <message>
        <source>Select a person in the list to see their file.</source>
        <translation>Select a person in the list to see their file.</translation>
    </message>
    <message>
        <source>Residence document expired on %1</source>
        <translation>Residence document expired on %1</translation>
    </message>
    <message>
        <source>Residence document expires on %1</source>
        <translation>Residence document expires on %1</translation>
    </message>
    <message>
        <source>No residence status recorded</source>
        <translation>No residence status recorded</translation>
    </message>
    <message>
        <source>No valid consent to pass on data</source>
        <translation>No valid consent to pass on data</translation>
    </message>
    <message>
        <source>This person was merged into another file</source>
        <translation>This person was merged into another file</translation>
    </message>
    <message>
        <source>%1 (only the year is known)</source>
        <translation>%1 (only the year is known)</translation>
    </message>
    <message>
        <source>%1 (placeholder date)</source>
        <translation>%1 (placeholder date)</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>diverse</source>
        <translation>diverse</translation>
    </message>
    <message numerus="yes">
        <source>(%n overdue)</source>
        <translation>
            <numerusform>(%n overdue)</numerusform>
            <numerusform>(%n overdue)</numerusform>
        </translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (expired)</translation>
    </message>
    <message>
        <source>No case yet</source>
        <translation>No case yet</translation>
    </message>
    <message>
        <source>on %1: %2</source>
        <translation>on %1: %2</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nobody yet</translation>
    </message>
    <message>
        <source>Older contacts are not shown.</source>
        <translation>Older contacts are not shown.</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>The case of %1 is closed (%2). A contact belongs to a running case.</source>
        <translation>The case of %1 is closed (%2). A contact belongs to a running case.</translation>
    </message>
    <message>
        <source>Reopen this case, or open a new case?</source>
        <translation>Reopen this case, or open a new case?</translation>
    </message>
    <message>
        <source>Re&amp;open case</source>
        <translation>Re&amp;open case</translation>
    </message>
    <message>
        <source>There is no case for %1 yet. A contact belongs to a case.</source>
        <translation>There is no case for %1 yet. A contact belongs to a case.</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Select an open follow-up in the timeline (arrow keys), then press Ctrl+Shift+D.</source>
        <translation>Select an open follow-up in the timeline (arrow keys), then press Ctrl+Shift+D.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n person(s))</source>
        <translation>
            <numerusform>%1 (%n person)</numerusform>
            <numerusform>%1 (%n persons)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>File number</source>
        <translation>File number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Residence</source>
        <translation>Residence</translation>
    </message>
    <message>
        <source>Legal category</source>
        <translation>Legal category</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>This column cannot be sorted.</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>Found under a similar spelling of what was typed</source>
        <translation>Found under a similar spelling of what was typed</translation>
    </message>
    <message>
        <source>Placeholder date: day and month are not known</source>
        <translation>Placeholder date: day and month are not known</translation>
    </message>
    <message>
        <source>Only the year of birth is known</source>
        <translation>Only the year of birth is known</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <source>Record placement</source>
        <translation>Record placement</translation>
    </message>
    <message>
        <source>Edit placement</source>
        <translation>Edit placement</translation>
    </message>
    <message>
        <source>End placement</source>
        <translation>End placement</translation>
    </message>
    <message>
        <source>In the partner directory (%1)</source>
        <translation>In the partner directory (%1)</translation>
    </message>
    <message>
        <source>Not in the partner directory</source>
        <translation>Not in the partner directory</translation>
    </message>
    <message>
        <source>A&amp;dd to the partner directory as %1</source>
        <translation>A&amp;dd to the partner directory as %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Em&amp;ployer / provider</source>
        <translation>Em&amp;ployer / provider</translation>
    </message>
    <message>
        <source>type to choose from the partner directory</source>
        <translation>type to choose from the partner directory</translation>
    </message>
    <message>
        <source>A&amp;dd to the partner directory</source>
        <translation>A&amp;dd to the partner directory</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>S&amp;tart</translation>
    </message>
    <message>
        <source>DD.MM.YYYY or +14 (days)</source>
        <translation>DD.MM.YYYY or +14 (days)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>&amp;End</translation>
    </message>
    <message>
        <source>empty: still running</source>
        <translation>empty: still running</translation>
    </message>
    <message>
        <source>&amp;Hours per week</source>
        <translation>&amp;Hours per week</translation>
    </message>
    <message>
        <source>e.g. 39 or 19,5</source>
        <translation>e.g. 39 or 19,5</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>The note is shown on screen only: never printed, never in the statistics. Shift+Enter starts a new line.</source>
        <translation>The note is shown on screen only: never printed, never in the statistics. Shift+Enter starts a new line.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <source>Family name</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <source>Family name (original script)</source>
        <translation>Family name (original script)</translation>
    </message>
    <message>
        <source>Given names (original script)</source>
        <translation>Given names (original script)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Date of birth precision</source>
        <translation>Date of birth precision</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Interpreter language</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <source>German level</source>
        <translation>German level</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>File number</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Closing reason</source>
        <translation>Closing reason</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Referral letter</source>
        <translation>Referral letter</translation>
    </message>
    <message>
        <source>Referral letter (as sent)</source>
        <translation>Referral letter (as sent)</translation>
    </message>
    <message>
        <source>Create referral</source>
        <translation>Create referral</translation>
    </message>
    <message>
        <source>Type to search partners</source>
        <translation>Type to search partners</translation>
    </message>
    <message>
        <source>Record &amp;consent…</source>
        <translation>Record &amp;consent…</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>P&amp;urpose:</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Request:</translation>
    </message>
    <message>
        <source>Data in the &amp;letter:</source>
        <translation>Data in the &amp;letter:</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>Pre&amp;view…</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>Save &amp;draft</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose a partner to see what the letter contains.</source>
        <translation>Choose a partner to see what the letter contains.</translation>
    </message>
    <message>
        <source>not recorded in mzdesk</source>
        <translation>not recorded in mzdesk</translation>
    </message>
    <message>
        <source>not for this partner</source>
        <translation>not for this partner</translation>
    </message>
    <message>
        <source>no consent for this partner</source>
        <translation>no consent for this partner</translation>
    </message>
    <message>
        <source>Nothing ticked: the letter needs at least one piece of data.</source>
        <translation>Nothing ticked: the letter needs at least one piece of data.</translation>
    </message>
    <message>
        <source>Covered by the consent of %1 (text %2).</source>
        <translation>Covered by the consent of %1 (text %2).</translation>
    </message>
    <message>
        <source>Referral to %1</source>
        <translation>Referral to %1</translation>
    </message>
    <message>
        <source>Please choose a partner from the list.</source>
        <translation>Please choose a partner from the list.</translation>
    </message>
    <message>
        <source>Please enter the purpose of the referral.</source>
        <translation>Please enter the purpose of the referral.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Reason for rejection</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <source>Referral &amp;letter…</source>
        <translation>Referral &amp;letter…</translation>
    </message>
    <message>
        <source>Print letters prepared &amp;today…</source>
        <translation>Print letters prepared &amp;today…</translation>
    </message>
    <message>
        <source>&amp;Refresh referrals</source>
        <translation>&amp;Refresh referrals</translation>
    </message>
    <message numerus="yes">
        <source>%n referral(s)</source>
        <translation>
            <numerusform>%n referral</numerusform>
            <numerusform>%n referrals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your referrals were rejected.</source>
        <translation>
            <numerusform>%n of your referrals was rejected.</numerusform>
            <numerusform>%n of your referrals were rejected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Latest: %1 – %2</source>
        <translation>Latest: %1 – %2</translation>
    </message>
    <message>
        <source>No answer yet: ask the partner</source>
        <translation>No answer yet: ask the partner</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <source>Referral rejected</source>
        <translation>Referral rejected</translation>
    </message>
    <message>
        <source>The partner&apos;s reason:</source>
        <translation>The partner&apos;s reason:</translation>
    </message>
    <message>
        <source>Revoke referral</source>
        <translation>Revoke referral</translation>
    </message>
    <message>
        <source>Revoke this referral? The partner should be told.</source>
        <translation>Revoke this referral? The partner should be told.</translation>
    </message>
    <message>
        <source>No letters were prepared today.</source>
        <translation>No letters were prepared today.</translation>
    </message>
    <message numerus="yes">
        <source>Print %n letter(s)</source>
        <translation>
            <numerusform>Print %n letter</numerusform>
            <numerusform>Print %n letters</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing …</source>
        <translation>Printing …</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) printed.</source>
        <translation>
            <numerusform>%n letter printed.</numerusform>
            <numerusform>%n letters printed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) not printed: the consent is no longer valid.</source>
        <translation>
            <numerusform>%n letter not printed: the consent is no longer valid.</numerusform>
            <numerusform>%n letters not printed: the consent is no longer valid.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <source>Printing today&apos;s letters …</source>
        <translation>Printing today&apos;s letters …</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>All referral letters sent today, in one print job (Ctrl+Shift+P)</source>
        <translation>All referral letters sent today, in one print job (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>&amp;Letter…</source>
        <translation>&amp;Letter…</translation>
    </message>
    <message>
        <source>&amp;Accepted</source>
        <translation>&amp;Accepted</translation>
    </message>
    <message>
        <source>&amp;Rejected…</source>
        <translation>&amp;Rejected…</translation>
    </message>
    <message>
        <source>D&amp;one</source>
        <translation>D&amp;one</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Re&amp;voke…</translation>
    </message>
</context>
<context>
    <name>ResidenceStatusDialog</name>
    <message>
        <source>Residence &amp;status</source>
        <translation>Residence &amp;status</translation>
    </message>
    <message>
        <source>&amp;Work permission</source>
        <translation>&amp;Work permission</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>Valid &amp;from</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>Valid &amp;until</translation>
    </message>
    <message>
        <source>DD.MM.YYYY (empty: no expiry)</source>
        <translation>DD.MM.YYYY (empty: no expiry)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>&amp;Legal category</source>
        <translation>&amp;Legal category</translation>
    </message>
    <message>
        <source>Legal category &amp;from</source>
        <translation>Legal category &amp;from</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Choose …</source>
        <translation>Choose …</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Choose the logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Personal</source>
        <translation>&amp;Personal</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>The language changes at the next start of mzdesk.</source>
        <translation>The language changes at the next start of mzdesk.</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Colours:</translation>
    </message>
    <message>
        <source>Only an administrator can change these settings.</source>
        <translation>Only an administrator can change these settings.</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Settings not saved</translation>
    </message>
</context>
<context>
    <name>SettingsLabels</name>
    <message>
        <source>Letterhead</source>
        <translation>Letterhead</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Retention periods</source>
        <translation>Retention periods</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Authority</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Short name (return address)</source>
        <translation>Short name (return address)</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Logo (PNG or JPEG file)</source>
        <translation>Logo (PNG or JPEG file)</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>IBAN (empty: no bank details in letters)</source>
        <translation>IBAN (empty: no bank details in letters)</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Residence documents: warn weeks ahead</source>
        <translation>Residence documents: warn weeks ahead</translation>
    </message>
    <message>
        <source>Referral answer deadline (days)</source>
        <translation>Referral answer deadline (days)</translation>
    </message>
    <message>
        <source>Lock after inactivity (minutes)</source>
        <translation>Lock after inactivity (minutes)</translation>
    </message>
    <message>
        <source>Failed logins before an account locks</source>
        <translation>Failed logins before an account locks</translation>
    </message>
    <message>
        <source>Account lock after failed logins (minutes)</source>
        <translation>Account lock after failed logins (minutes)</translation>
    </message>
    <message>
        <source>Erase persons N years after their last case closed</source>
        <translation>Erase persons N years after their last case closed</translation>
    </message>
    <message>
        <source>Erase persons without a case after N years</source>
        <translation>Erase persons without a case after N years</translation>
    </message>
    <message>
        <source>Keep audit entries (years)</source>
        <translation>Keep audit entries (years)</translation>
    </message>
    <message>
        <source>Backups: keep the newest of each of the last N days</source>
        <translation>Backups: keep the newest of each of the last N days</translation>
    </message>
    <message>
        <source>Backup folder (empty: &apos;backups&apos; beside the database)</source>
        <translation>Backup folder (empty: &apos;backups&apos; beside the database)</translation>
    </message>
    <message>
        <source>File with the backup passphrase (empty: unencrypted)</source>
        <translation>File with the backup passphrase (empty: unencrypted)</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Double-click to list the records behind this figure</source>
        <translation>Double-click to list the records behind this figure</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>File number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Enter opens the person&apos;s file</source>
        <translation>Enter opens the person&apos;s file</translation>
    </message>
    <message>
        <source>List: %1 of %2, every record behind the figure</source>
        <translation>List: %1 of %2, every record behind the figure</translation>
    </message>
    <message>
        <source>List: %1 only — %2 of %3; the figure is for the whole organisation</source>
        <translation>List: %1 only — %2 of %3; the figure is for the whole organisation</translation>
    </message>
    <message>
        <source>List: only the records you may see — %1 of %2; the figure is for the whole organisation</source>
        <translation>List: only the records you may see — %1 of %2; the figure is for the whole organisation</translation>
    </message>
    <message>
        <source>Enter or a double click opens the person&apos;s file.</source>
        <translation>Enter or a double click opens the person&apos;s file.</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>Quarter %1</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Computing …</source>
        <translation>Computing …</translation>
    </message>
    <message>
        <source>The statistics could not be computed.</source>
        <translation>The statistics could not be computed.</translation>
    </message>
    <message>
        <source>Computing the statistics …</source>
        <translation>Computing the statistics …</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Statistics %1: %2 placements, %3 referrals (placements count events, not persons). Enter or a double click on a figure lists its records.</source>
        <translation>Statistics %1: %2 placements, %3 referrals (placements count events, not persons). Enter or a double click on a figure lists its records.</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Placements</translation>
    </message>
    <message>
        <source>Looking up the records …</source>
        <translation>Looking up the records …</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Exporting …</source>
        <translation>Exporting …</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Part of the year</source>
        <translation>Part of the year</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Compute</translation>
    </message>
    <message>
        <source>Suppress small counts in exports</source>
        <translation>Suppress small counts in exports</translation>
    </message>
    <message>
        <source>Excel …</source>
        <translation>Excel …</translation>
    </message>
    <message>
        <source>CSV …</source>
        <translation>CSV …</translation>
    </message>
    <message>
        <source>PDF …</source>
        <translation>PDF …</translation>
    </message>
    <message>
        <source>Choose a period and click Compute.</source>
        <translation>Choose a period and click Compute.</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>New team</source>
        <translation>New team</translation>
    </message>
    <message>
        <source>&amp;Name of the team:</source>
        <translation>&amp;Name of the team:</translation>
    </message>
    <message>
        <source>Please enter the team&apos;s name.</source>
        <translation>Please enter the team&apos;s name.</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;New account…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Change…</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>Set &amp;password…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>New &amp;team…</source>
        <translation>New &amp;team…</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>locked until %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Account %1 created.</translation>
    </message>
    <message>
        <source>Account %1 changed.</source>
        <translation>Account %1 changed.</translation>
    </message>
    <message>
        <source>New password set for %1.</source>
        <translation>New password set for %1.</translation>
    </message>
    <message>
        <source>Disable account?</source>
        <translation>Disable account?</translation>
    </message>
    <message>
        <source>%1 can no longer log in. The account&apos;s history stays; it can be enabled again.</source>
        <translation>%1 can no longer log in. The account&apos;s history stays; it can be enabled again.</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>Account %1 disabled.</translation>
    </message>
    <message>
        <source>Account %1 enabled.</source>
        <translation>Account %1 enabled.</translation>
    </message>
    <message>
        <source>Team %1 created.</source>
        <translation>Team %1 created.</translation>
    </message>
</context>
</TS>
