import groovy.json.JsonSlurper

def plan = new JsonSlurper().parse(new File(basedir, 'target/charter/plan.json'))
def pages = plan.s3.uploads.findAll { it.key.endsWith('.html') }
assert pages.size() == 1 && pages[0].key ==~ /g\/[a-z0-9-]+\.html/ && pages[0].reason == 'new'
assert plan.s3.uploads*.key.toSet() == [pages[0].key, pages[0].key.replace('.html', '.ics')].toSet()
assert plan.s3.deletes.isEmpty()
assert plan.jada.create == 1 && plan.jada.update == 0 && plan.jada.delete == 0
assert plan.scc.create == 1 && plan.scc.update == 0 && plan.scc.delete == 0
assert plan.scc.changes[0].booking == 'BS-1234' && plan.scc.changes[0].body.crew == ['maria_lopez']

def markdown = new File(basedir, 'target/charter/plan.md').text
assert markdown.contains('JADA: create 1, update 0, delete 0')
assert markdown.contains('SCC: create 1, update 0, delete 0')
assert markdown.contains('- create `BS-1234` (new; `bookings/2025/2025-06-01-BS-1234.yaml`)')
assert markdown.contains('[preview](site/' + pages[0].key + ')')
assert !markdown.contains('Drift found by refresh')
assert new File(basedir, 'build.log').text.contains('charter: refreshed 2 entries from JADA and SCC')
true
