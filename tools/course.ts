// Placeholder for the course command line (runner and exporter); see issue "Run lessons headlessly".
console.log("course: not built yet");
