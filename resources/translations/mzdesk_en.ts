<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Case management for the counsellors of a county migration centre.</source>
        <translation>Case management for the counsellors of a county migration centre.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>mzdesk – database</source>
        <translation>mzdesk – database</translation>
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
    <name>ClientsView</name>
    <message>
        <source>%1+ matches</source>
        <translation>%1+ matches</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
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
    <name>Crash</name>
    <message>
        <source>An unexpected error occurred. Your saved data is safe; the last action may not have been completed.

Please send the details below to your IT support.</source>
        <translation>An unexpected error occurred. Your saved data is safe; the last action may not have been completed.

Please send the details below to your IT support.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Counting persons …</source>
        <translation>Counting persons …</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
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
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Choose a CSV file</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV files (*.csv *.txt)</translation>
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
        <source>active only</source>
        <translation>active only</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
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
    <name>PersonDetail</name>
    <message>
        <source>Select a person in the list to see the details.</source>
        <translation>Select a person in the list to see the details.</translation>
    </message>
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
        <source>Contact</source>
        <translation>Contact</translation>
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
        <source>Household and cases</source>
        <translation>Household and cases</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
</context>
<context>
    <name>PersonDetailPane</name>
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
    <message>
        <source>since %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (expired)</translation>
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
        <source>Placeholder date: day and month are not known</source>
        <translation>Placeholder date: day and month are not known</translation>
    </message>
    <message>
        <source>Only the year of birth is known</source>
        <translation>Only the year of birth is known</translation>
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
        <source>Only an administrator can change these settings.</source>
        <translation>Only an administrator can change these settings.</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Settings not saved</translation>
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
        <source>Record id</source>
        <translation>Record id</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
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
        <source>Statistics %1: %2 placements, %3 referrals. Double-click a figure for details.</source>
        <translation>Statistics %1: %2 placements, %3 referrals. Double-click a figure for details.</translation>
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
</TS>
