def file = new File(basedir, 'bookings/2025/2025-06-01-BS-1234.yaml')
assert file.isFile()
def text = file.text
assert text.contains('start: 10:00\n')
assert text.contains('crew: [maria]\n')
assert (text =~ /(?m)^slug: [a-z0-9]{10}$/).find()
assert new File(basedir, 'build.log').text.contains('charter:new never overwrites a booking')
true
