def log = new File(basedir, 'build.log').text
assert log.contains('charter: 1 booking files and 2 crew members are valid')
assert log.contains('BUILD SUCCESS')
true
