def log = new File(basedir, 'build.log').text
assert log.contains('charter: skipped (charter.skip=true)')
assert !log.contains('bookings/typo.yml')
true
