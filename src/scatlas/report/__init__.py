"""The report stage: charts, Korean findings and the HTML/XLSX/PDF/JSON writers, and researchers' exports."""
